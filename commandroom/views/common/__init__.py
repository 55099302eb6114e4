"""Building blocks two or more view features share: colours, enum labels, time formats, the style."""
