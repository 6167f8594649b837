"""The MotoDemo stack's function: lists the objects of the bucket named in BUCKET."""

import json
import os

import boto3


def handler(event, context):
    bucket = os.environ["BUCKET"]
    s3 = boto3.client("s3")
    listing = s3.list_objects_v2(Bucket=bucket, MaxKeys=10)
    keys = [item["Key"] for item in listing.get("Contents", [])]
    return {"statusCode": 200, "body": json.dumps({"bucket": bucket, "keys": keys})}
