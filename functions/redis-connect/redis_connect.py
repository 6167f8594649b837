"""The function of the ElastiCache RBAC example (seed 000), deployed three times by RedisRbacStack.

It reads the RBAC user's credentials from the Secrets Manager secret named by the environment
variable `secret_arn`, connects over TLS to `redis_endpoint`:`redis_port` as that user, then SETs
and GETs the key `time`, and reports each outcome:

- producerFn (user "producer", access string "on ~* -@all +SET"): SET succeeds, GET is refused.
- consumerFn (user "consumer", access string "on ~* -@all +GET"): SET is refused, GET succeeds.
- outsiderFn (role not listed on the producer's secret): reading the secret is refused, so it never
  reaches Redis.

The password is used only to authenticate; it is never logged or returned.
"""
import json
import os
import time

import boto3
import redis


def read_credentials(secret_arn):
    """The username and password stored in the secret (a JSON object)."""
    response = boto3.client("secretsmanager").get_secret_value(SecretId=secret_arn)
    secret = json.loads(response["SecretString"])
    return secret["username"], secret["password"]


def describe(error):
    """An error as one line: its type and message."""
    return f"{type(error).__name__}: {error}"


def lambda_handler(event, context):
    outcome = {"secret": None, "user": None, "connect": None, "set": None, "get": None}
    try:
        username, password = read_credentials(os.environ["secret_arn"])
    except Exception as error:  # the outsider: AccessDeniedException from Secrets Manager or KMS
        outcome["secret"] = "refused: " + describe(error)
        print(json.dumps(outcome))
        return outcome
    outcome["secret"] = "read"
    outcome["user"] = username

    client = redis.Redis(
        host=os.environ["redis_endpoint"],
        port=int(os.environ["redis_port"]),
        username=username,
        password=password,
        ssl=True,
        socket_connect_timeout=5,
        socket_timeout=5,
        decode_responses=True,
    )
    try:
        client.ping()
        outcome["connect"] = "authenticated"
    except redis.exceptions.NoPermissionError:
        outcome["connect"] = "authenticated (PING not allowed by the access string)"
    except redis.RedisError as error:
        outcome["connect"] = "failed: " + describe(error)
        print(json.dumps(outcome))
        return outcome

    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    try:
        client.set("time", now)
        outcome["set"] = f"ok: time = {now}"
    except redis.exceptions.NoPermissionError as error:
        outcome["set"] = "refused by the access string: " + describe(error)
    except redis.RedisError as error:
        outcome["set"] = "failed: " + describe(error)

    try:
        value = client.get("time")
        outcome["get"] = f"ok: time = {value}" if value is not None else "ok: time is not set"
    except redis.exceptions.NoPermissionError as error:
        outcome["get"] = "refused by the access string: " + describe(error)
    except redis.RedisError as error:
        outcome["get"] = "failed: " + describe(error)

    print(json.dumps(outcome))
    return outcome
