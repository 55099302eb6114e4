"""An import-linter contract type that can forbid modules INSIDE an external package.

import-linter's own ``forbidden`` contract refuses ``PySide6.QtWidgets``: its graph squashes every
external package into one node (``PySide6``), so "QtCore yes, QtWidgets no" cannot be said. The
graph still keeps the text of every import line, though; this contract reads those lines.

A source module breaks the contract when it, or any module it imports (even indirectly), has an
import line naming a forbidden module. Patterns are ``fnmatch`` patterns (``PySide6.QtWebEngine*``);
a pattern without a dot forbids the whole package. Registered in pyproject.toml under
``contract_types``; ``lint-imports`` finds this file because it runs from the repository root.
"""

from __future__ import annotations

import re
from fnmatch import fnmatchcase

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck

_FROM = re.compile(r"^\s*from\s+([\w.]+)\s+import\s+\(?\s*(.*)$")
_IMPORT = re.compile(r"^\s*import\s+(.*)$")


def imported_names(line: str) -> list[str]:
    """The dotted names an import line brings in: ``from PySide6 import QtGui, QtCore`` names
    ``PySide6.QtGui`` and ``PySide6.QtCore``; ``from PySide6.QtGui import QColor`` names
    ``PySide6.QtGui`` (and ``PySide6.QtGui.QColor``, which a submodule pattern also matches)."""
    line = line.split("#", 1)[0]
    if match := _FROM.match(line):
        package, names = match.groups()
        parts = [name.split(" as ")[0].strip(" ()\\") for name in names.split(",")]
        return [package] + [f"{package}.{part}" for part in parts if part]
    if match := _IMPORT.match(line):
        return [name.split(" as ")[0].strip() for name in match.group(1).split(",")]
    return []


def _matches(name: str, pattern: str) -> bool:
    return any(fnmatchcase(".".join(name.split(".")[:n]), pattern)
               for n in range(1, name.count(".") + 2))


class ForbiddenSubmodulesContract(Contract):
    type_name = "forbidden_submodules"

    source_modules = fields.ListField(subfield=fields.StringField())
    forbidden_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        patterns = [str(p) for p in self.forbidden_modules]  # type: ignore[attr-defined]
        packages = {p.split(".")[0] for p in patterns} & graph.modules
        violations = []
        for source in sorted(str(s) for s in self.source_modules):  # type: ignore[attr-defined]
            reached = {source} | graph.find_descendants(source)
            reached |= graph.find_upstream_modules(source, as_package=True)
            for importer in sorted(reached):
                for package in sorted(packages):
                    for detail in graph.get_import_details(importer=importer, imported=package):
                        names = imported_names(detail["line_contents"])
                        hits = sorted({p for p in patterns for n in names if _matches(n, p)})
                        if hits:
                            violations.append(dict(
                                source=source, chain=self._chain(graph, source, importer),
                                line_number=detail["line_number"],
                                line=detail["line_contents"].strip(), forbidden=hits))
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    @staticmethod
    def _chain(graph: ImportGraph, source: str, importer: str) -> list[str]:
        """How ``source`` comes to import ``importer`` (just ``importer`` when it is inside)."""
        if importer == source or importer.startswith(source + "."):
            return [importer]
        return list(graph.find_shortest_chain(source, importer, as_packages=True) or (importer,))

    def render_broken_contract(self, check: ContractCheck) -> None:
        for v in check.metadata["violations"]:
            output.print_error(f"{v['source']} is not allowed to import {', '.join(v['forbidden'])}:")
            output.print_error(f"-   {' -> '.join(v['chain'])} (l.{v['line_number']}: {v['line']})",
                               bold=False)
            output.new_line()
