#!/usr/bin/env python3
"""Writes aurastream/messages.py from Protocol/aura.proto (the subset of proto3 it uses).

    python3 clients/python/tools/gen_messages.py          # rewrite the file
    python3 clients/python/tools/gen_messages.py --check  # exit 1 if the file is out of date
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[3]
PROTO = ROOT / "Protocol" / "aura.proto"
OUTPUT = Path(__file__).resolve().parents[1] / "aurastream" / "messages.py"

SCALARS = {
    "double": "float", "float": "float", "int32": "int", "int64": "int", "uint32": "int",
    "uint64": "int", "sint32": "int", "sint64": "int", "fixed32": "int", "fixed64": "int",
    "sfixed32": "int", "sfixed64": "int", "bool": "bool", "string": "str", "bytes": "bytes",
}
DEFAULTS = {"float": "0.0", "int": "0", "bool": "False", "str": '""', "bytes": 'b""'}
TOKEN = re.compile(r'//[^\n]*|[A-Za-z_][\w.]*|\d+|"[^"]*"|[{}=;<>,()\[\]]|\n')


class FieldDef:
    def __init__(self, name: str, type_name: str, number: int, repeated: bool, oneof: Optional[str],
                 map_types: Optional[Tuple[str, str]] = None) -> None:
        self.name, self.type_name, self.number = name, type_name, number
        self.repeated, self.oneof, self.map_types = repeated, oneof, map_types


class EnumDef:
    def __init__(self, name: str, doc: List[str]) -> None:
        self.name, self.doc, self.values = name, doc, []  # type: ignore[var-annotated]


class MessageDef:
    def __init__(self, name: str, doc: List[str]) -> None:
        self.name, self.doc = name, doc
        self.fields: List[FieldDef] = []


class Parser:
    """Recursive descent over the tokens of aura.proto: messages, enums, oneofs, maps, services."""

    def __init__(self, text: str) -> None:
        self.tokens = TOKEN.findall(text)
        self.pos = 0
        self.package = ""
        self.enums: List[EnumDef] = []
        self.messages: List[MessageDef] = []
        self.methods: List[Tuple[str, str, str, bool, str, bool]] = []
        self.comments: List[str] = []
        self.fresh_line = True

    def next(self) -> str:
        while True:
            token = self.tokens[self.pos]
            self.pos += 1
            if token == "\n":
                if self.fresh_line:
                    self.comments = []
                self.fresh_line = True
            elif token.startswith("//"):
                if self.fresh_line:
                    self.comments.append(token[2:].strip())
            else:
                self.fresh_line = False
                return token

    def peek(self) -> str:
        saved = (self.pos, list(self.comments), self.fresh_line)
        token = self.next()
        self.pos, self.comments, self.fresh_line = saved
        return token

    def expect(self, wanted: str) -> None:
        token = self.next()
        if token != wanted:
            raise SyntaxError(f"expected {wanted!r}, got {token!r}")

    def skip_statement(self) -> None:
        while self.next() != ";":
            pass

    def parse(self) -> None:
        while self.pos < len(self.tokens):
            try:
                token = self.next()
            except IndexError:
                return
            doc = self.comments
            self.comments = []
            if token == "package":
                self.package = self.next()
                self.expect(";")
            elif token == "message":
                self.message("", doc)
            elif token == "enum":
                self.enum("", doc)
            elif token == "service":
                self.service()
            else:
                self.skip_statement()

    def enum(self, prefix: str, doc: List[str]) -> None:
        definition = EnumDef(prefix + self.next(), doc)
        self.expect("{")
        while (token := self.next()) != "}":
            self.expect("=")
            definition.values.append((token, int(self.next())))
            self.skip_statement()
        self.enums.append(definition)

    def message(self, prefix: str, doc: List[str]) -> None:
        definition = MessageDef(prefix + self.next(), doc)
        self.messages.append(definition)
        self.expect("{")
        self.body(definition, None)

    def body(self, definition: MessageDef, oneof: Optional[str]) -> None:
        while (token := self.next()) != "}":
            doc = self.comments
            self.comments = []
            if token == "message":
                self.message(definition.name + ".", doc)
            elif token == "enum":
                self.enum(definition.name + ".", doc)
            elif token == "oneof":
                group = self.next()
                self.expect("{")
                self.body(definition, group)
            elif token in ("reserved", "option"):
                self.skip_statement()
            elif token == "map":
                self.expect("<")
                key = self.next()
                self.expect(",")
                value = self.next()
                self.expect(">")
                name = self.next()
                self.expect("=")
                definition.fields.append(FieldDef(name, "map", int(self.next()), False, None, (key, value)))
                self.skip_statement()
            else:
                repeated = token == "repeated"
                type_name = self.next() if repeated else token
                name = self.next()
                self.expect("=")
                definition.fields.append(FieldDef(name, type_name, int(self.next()), repeated, oneof))
                self.skip_statement()

    def service(self) -> None:
        service = self.next()
        self.expect("{")
        while (token := self.next()) != "}":
            if token != "rpc":
                self.skip_statement()
                continue
            method = self.next()
            self.expect("(")
            client_streaming = self.peek() == "stream"
            if client_streaming:
                self.next()
            request = self.next()
            self.expect(")")
            self.expect("returns")
            self.expect("(")
            server_streaming = self.peek() == "stream"
            if server_streaming:
                self.next()
            response = self.next()
            self.expect(")")
            self.skip_statement()
            self.methods.append((service, method, request, client_streaming, response, server_streaming))


def python_name(proto_name: str) -> str:
    return proto_name.replace(".", "_")


def generate(text: str) -> str:
    parser = Parser(text)
    parser.parse()
    enums = {e.name for e in parser.enums}
    messages = {m.name for m in parser.messages}

    def resolve(scope: str, type_name: str) -> str:
        """A type reference as its full proto name (inner scopes first, as protoc resolves)."""
        parts = scope.split(".")
        for depth in range(len(parts), -1, -1):
            candidate = ".".join(parts[:depth] + [type_name])
            if candidate in enums or candidate in messages:
                return candidate
        raise SyntaxError(f"unknown type {type_name} in {scope}")

    lines = [
        '"""Message classes of Protocol/aura.proto. Generated by tools/gen_messages.py: do not edit."""',
        "from __future__ import annotations",
        "",
        "import enum",
        "from typing import Dict, List, NamedTuple, Optional, Type",
        "",
        "from .wire import Field, Message",
        "",
    ]
    for definition in parser.enums:
        lines += ["", f"class {python_name(definition.name)}(enum.IntEnum):"]
        lines.append(f'    """{" ".join(definition.doc) or f"{parser.package}.{definition.name}."}"""')
        lines += [f"    {name} = {number}" for name, number in definition.values]
        lines.append("")
    for definition in parser.messages:
        cls = python_name(definition.name)
        fields = sorted(definition.fields, key=lambda f: f.number)
        lines += ["", f"class {cls}(Message):"]
        lines.append(f'    """{" ".join(definition.doc) or f"{parser.package}.{definition.name}."}"""')
        lines.append(f"    __slots__ = ({''.join(repr(f.name) + ', ' for f in fields)})")
        lines.append(f'    FULL_NAME = "{parser.package}.{definition.name}"')
        lines.append("    FIELDS = (")
        params, assigns = [], []
        for f in fields:
            if f.map_types:
                key, value = f.map_types
                value_kind = SCALARS.get(value) and value or "message"
                extra = f', key_kind="{key}", value_kind="{value_kind}"'
                if value_kind == "message":
                    extra += f', value_message="{parser.package}.{resolve(definition.name, value)}"'
                lines.append(f'        Field({f.number}, "{f.name}", "map"{extra}),')
                py_type = f"Dict[{SCALARS[key]}, {SCALARS.get(value) or python_name(resolve(definition.name, value))}]"
                params.append(f"{f.name}: Optional[{py_type}] = None")
                assigns.append(f"self.{f.name} = {{}} if {f.name} is None else dict({f.name})")
                continue
            options = ""
            if f.repeated:
                options += ", repeated=True"
            if f.oneof:
                options += f', oneof="{f.oneof}"'
            if f.type_name in SCALARS:
                kind, py_type = f.type_name, SCALARS[f.type_name]
                default = DEFAULTS[py_type]
            else:
                target = resolve(definition.name, f.type_name)
                if target in enums:
                    kind, py_type, default = "enum", python_name(target), "0"
                    options += f", enum={python_name(target)}"
                else:
                    kind, py_type, default = "message", f"Optional[{python_name(target)}]", "None"
                    options += f', message="{parser.package}.{target}"'
            lines.append(f'        Field({f.number}, "{f.name}", "{kind}"{options}),')
            if f.repeated:
                inner = py_type.replace("Optional[", "")[:-1] if py_type.startswith("Optional[") else py_type
                params.append(f"{f.name}: Optional[List[{inner}]] = None")
                assigns.append(f"self.{f.name} = [] if {f.name} is None else list({f.name})")
            elif f.oneof:
                bare = py_type[9:-1] if py_type.startswith("Optional[") else py_type
                params.append(f"{f.name}: Optional[{bare}] = None")
                assigns.append(f"self.{f.name} = {f.name}")
            else:
                if kind == "enum":
                    py_type = "int"
                params.append(f"{f.name}: {py_type} = {default}")
                assigns.append(f"self.{f.name} = {f.name}")
        lines.append("    )")
        if fields:
            lines.append("")
            lines.append(f"    def __init__(self, *, {', '.join(params)}) -> None:")
            lines += [f"        {a}" for a in assigns]
        else:
            lines.append("")
            lines.append("    def __init__(self) -> None:")
            lines.append("        pass")
        lines.append("")
    for definition in parser.messages:
        if "." in definition.name:
            outer, inner = definition.name.rsplit(".", 1)
            lines.append(f"{python_name(outer)}.{inner} = {python_name(definition.name)}  # type: ignore[attr-defined]")
    for definition in parser.enums:
        if "." in definition.name:
            outer, inner = definition.name.rsplit(".", 1)
            lines.append(f"{python_name(outer)}.{inner} = {python_name(definition.name)}  # type: ignore[attr-defined]")
    lines += [
        "",
        "",
        "class MethodInfo(NamedTuple):",
        '    """One rpc of aura.proto: its path, message types and call shape."""',
        "    path: str",
        "    request: Type[Message]",
        "    response: Type[Message]",
        "    client_streaming: bool",
        "    server_streaming: bool",
        "",
        "",
        "METHODS: Dict[str, MethodInfo] = {",
    ]
    for service, method, request, cs, response, ss in parser.methods:
        path = f"/{parser.package}.{service}/{method}"
        lines.append(f'    "{path}": MethodInfo("{path}", {python_name(resolve("", request))}, '
                     f'{python_name(resolve("", response))}, {cs}, {ss}),')
    lines.append("}")
    lines.append('"""Every method of every service, by path ("/aura.Sentiment/Analyze")."""')
    exported = [python_name(e.name) for e in parser.enums] + [python_name(m.name) for m in parser.messages]
    lines += ["", "__all__ = ["] + [f'    "{name}",' for name in exported + ["METHODS", "MethodInfo"]] + ["]"]
    return "\n".join(lines) + "\n"


def main() -> int:
    text = generate(PROTO.read_text())
    if "--check" in sys.argv:
        if OUTPUT.read_text() != text:
            print(f"{OUTPUT} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
