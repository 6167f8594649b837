#!/usr/bin/env python3
"""Extracts the one-sentence documentation of the resource types in schemas/ from AWS CDK's jsii
assembly into schemas/docs/cdk-docs.json.

cfn-lint strips the `description` texts from the registry schemas it ships; AWS CDK's aws-cdk-lib
package carries the same CloudFormation documentation for its L1 classes (`docs.summary` of
`CfnVPC`, its props, its attributes and its nested `…Property` types). stack-codegen uses these
summaries for doc comments when a schema has no description of its own.

Usage (from the repository root, with aws-cdk-lib installed in the Python that runs it, or the
path of an `aws-cdk-lib@*.jsii.tgz` given):
    python3 schemas/refresh_docs.py [path/to/aws-cdk-lib@X.jsii.tgz]
Then regenerate:  swift run stack-codegen
"""

import glob
import gzip
import io
import json
import os
import sys
import tarfile


def load_assembly(path):
    with tarfile.open(path) as tar:
        member = tar.extractfile("package/.jsii.gz")
        return json.load(gzip.open(io.BytesIO(member.read())))


def find_tarball():
    # Locate the package without importing it (importing starts Node).
    import importlib.util  # noqa: PLC0415

    spec = importlib.util.find_spec("aws_cdk")
    if spec is None or spec.origin is None:
        raise SystemExit("aws-cdk-lib is not installed; pass the path of its .jsii.tgz")
    folder = os.path.join(os.path.dirname(spec.origin), "_jsii")
    found = sorted(glob.glob(os.path.join(folder, "aws-cdk-lib@*.jsii.tgz")))
    if not found:
        raise SystemExit(f"no aws-cdk-lib@*.jsii.tgz in {folder}")
    return found[-1]


def clean(text):
    return " ".join((text or "").split())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    tarball = sys.argv[1] if len(sys.argv) > 1 else find_tarball()
    assembly = load_assembly(tarball)
    types = assembly["types"]
    wanted = set()
    for path in glob.glob(os.path.join(here, "*.json")):
        with open(path, encoding="utf-8") as f:
            wanted.add(json.load(f)["typeName"])
    classes = {}
    for fqn, t in types.items():
        resource = t.get("docs", {}).get("custom", {}).get("cloudformationResource")
        if t.get("kind") == "class" and resource in wanted:
            classes[resource] = fqn
    out = {}
    for resource in sorted(wanted):
        fqn = classes.get(resource)
        if fqn is None:
            print(f"warning: aws-cdk-lib has no L1 class for {resource}")
            continue
        entry = {"summary": clean(types[fqn]["docs"].get("summary")), "attributes": {}}
        for p in types[fqn].get("properties", []):
            attribute = p.get("docs", {}).get("custom", {}).get("cloudformationAttribute")
            if attribute and p["docs"].get("summary"):
                entry["attributes"][attribute] = clean(p["docs"]["summary"])
        props = types.get(fqn + "Props", {})
        entry["properties"] = {
            p["name"].lower(): clean(p["docs"].get("summary"))
            for p in props.get("properties", [])
            if p.get("docs", {}).get("summary")
        }
        entry["types"] = {}
        for nested_fqn, t in types.items():
            if not nested_fqn.startswith(fqn + ".") or not nested_fqn.endswith("Property"):
                continue
            name = nested_fqn[len(fqn) + 1 : -len("Property")]
            entry["types"][name] = {
                "summary": clean(t.get("docs", {}).get("summary")),
                "properties": {
                    p["name"].lower(): clean(p["docs"].get("summary"))
                    for p in t.get("properties", [])
                    if p.get("docs", {}).get("summary")
                },
            }
        out[resource] = entry
    version = os.path.basename(tarball).removesuffix(".jsii.tgz")
    document = {"source": f"{version} jsii assembly, docs.summary", "types": out}
    os.makedirs(os.path.join(here, "docs"), exist_ok=True)
    target = os.path.join(here, "docs", "cdk-docs.json")
    with open(target, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {target}: {len(out)} types from {version}")


if __name__ == "__main__":
    main()
