"""Peer: a pydantic 2 model of the govplan plan format, validating each file
with model_validate_json (parse and check in one call, pydantic-core in Rust).

    python3 pydantic_plan.py SCHEMA DIR

The model is built from schema/govplan.schema.json, so it checks what the
published schema checks: every key and its type, codes as literals, decimals
and dates by their patterns, no unknown keys, null where the schema allows
it. Prints one JSON line like python_json.py; `accepted` counts the plans
the model accepts.
"""
import json
import sys
import time
from pathlib import Path
from typing import Any, List, Literal, Optional, Union

from pydantic import ConfigDict, Field, ValidationError, create_model
from typing_extensions import Annotated


class ModelBuilder:
    def __init__(self, schema: dict) -> None:
        self.schema = schema
        self.models: dict = {}

    def model(self, name: str, node: dict) -> type:
        if name in self.models:
            return self.models[name]
        required = set(node.get("required", []))
        fields = {}
        for key, prop in node.get("properties", {}).items():
            annotation = self.type_of(f"{name}_{key}", prop)
            fields[key] = (annotation, ...) if key in required else (annotation, None)
        extra = "forbid" if node.get("additionalProperties") is False else "ignore"
        model = create_model(name, __config__=ConfigDict(extra=extra), **fields)
        self.models[name] = model
        return model

    def type_of(self, name: str, prop: dict) -> Any:
        if "$ref" in prop:
            target = prop["$ref"].split("/")[-1]
            return self.type_of(target, self.schema["$defs"][target]) if "properties" not in self.schema["$defs"][target] \
                else self.model(target, self.schema["$defs"][target])
        if "anyOf" in prop:
            options = [self.type_of(name, p) for p in prop["anyOf"]]
            return Union[tuple(options)]
        if "const" in prop:
            return Literal[prop["const"]]
        if "enum" in prop:
            values = [v for v in prop["enum"] if v is not None]
            t = Literal[tuple(values)]
            return Optional[t] if None in prop["enum"] else t
        types = prop.get("type")
        if isinstance(types, list):
            non_null = [t for t in types if t != "null"]
            inner = self.type_of(name, {**prop, "type": non_null[0]})
            return Optional[inner] if "null" in types else inner
        if types == "null":
            return type(None)
        if types == "string":
            constraints = {}
            if "pattern" in prop:
                constraints["pattern"] = prop["pattern"]
            if "minLength" in prop:
                constraints["min_length"] = prop["minLength"]
            return Annotated[str, Field(strict=True, **constraints)] if constraints else Annotated[str, Field(strict=True)]
        if types == "integer":
            bounds = {}
            if "minimum" in prop:
                bounds["ge"] = prop["minimum"]
            if "maximum" in prop:
                bounds["le"] = prop["maximum"]
            return Annotated[int, Field(strict=True, **bounds)]
        if types == "boolean":
            return Annotated[bool, Field(strict=True)]
        if types == "number":
            return float
        if types == "array":
            return List[self.type_of(name + "_item", prop.get("items", {}))]
        if types == "object":
            return self.model(name, prop)
        raise ValueError(f"schema construct not modelled: {prop}")


def main() -> None:
    schema = json.loads(Path(sys.argv[1]).read_text())
    plan = ModelBuilder(schema).model("Plan", schema)
    texts = [p.read_bytes() for p in sorted(Path(sys.argv[2]).glob("*.json"))]
    start = time.perf_counter()
    kept = []
    for t in texts:
        try:
            kept.append(plan.model_validate_json(t))
        except ValidationError:
            pass
    seconds = time.perf_counter() - start
    print(json.dumps({"tool": "pydantic model_validate_json", "files": len(texts), "bytes": sum(map(len, texts)),
                      "seconds": seconds, "accepted": len(kept)}))


if __name__ == "__main__":
    main()
