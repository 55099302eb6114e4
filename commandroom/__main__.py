from commandroom.cli import main

raise SystemExit(main())
