#!/usr/bin/env python3
"""Copies the CloudFormation registry schemas StackKit generates L1 types from out of cfn-lint.

cfn-lint stores each schema once, under data/schemas/resources/<hash>.json, and maps resource types
to those files per region in data/schemas/providers/<region>.py. This script copies the us-east-1
schema of every type listed below to schemas/<aws-service-type>.json (lower case, `::` → `-`).

Usage (from the repository root):  python3 schemas/refresh.py
Then regenerate:                   swift run stack-codegen
"""

import json
import os
import sys

import cfnlint
from cfnlint.data.schemas.providers import us_east_1

# Every type of these namespaces is copied.
NAMESPACES = [
    "ElastiCache", "IAM", "KMS", "Lambda", "Logs", "MemoryDB", "S3", "SecretsManager", "SSM",
]
# Only these types of AWS::EC2.
EC2_TYPES = [
    "EIP", "FlowLog", "InternetGateway", "NatGateway", "Route", "RouteTable", "SecurityGroup",
    "SecurityGroupEgress", "SecurityGroupIngress", "Subnet", "SubnetRouteTableAssociation", "VPC",
    "VPCEndpoint", "VPCGatewayAttachment",
]


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    resources = os.path.join(os.path.dirname(cfnlint.__file__), "data", "schemas", "resources")
    types = us_east_1.types
    selected = sorted(
        [t for t in types if t.count("::") == 2 and t.split("::")[0] == "AWS"
         and t.split("::")[1] in NAMESPACES]
        + ["AWS::EC2::" + name for name in EC2_TYPES]
    )
    for old in os.listdir(here):
        if old.endswith(".json"):
            os.remove(os.path.join(here, old))
    for type_name in selected:
        source = os.path.join(resources, types[type_name] + ".json")
        with open(source, encoding="utf-8") as f:
            schema = json.load(f)
        if schema.get("typeName") != type_name:
            print(f"{source}: typeName is {schema.get('typeName')}, expected {type_name}")
            return 1
        target = os.path.join(here, type_name.lower().replace("::", "-") + ".json")
        with open(source, "rb") as f:
            data = f.read()
        with open(target, "wb") as f:
            f.write(data)
    print(f"copied {len(selected)} schemas from {resources} (cfn-lint {cfnlint.version.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
