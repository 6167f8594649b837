"""AWS CDK programs whose templates the StackKit cross-stack reference tests compare against.

Each case is one app; `synth.sh` runs every case with the CDK reference venv and keeps the
templates and the stack dependencies of the manifest. The Swift twins of these programs are in
Tests/StackKitTests/CrossStackReferenceTests.swift.
"""
import sys

import aws_cdk as cdk
from aws_cdk import aws_elasticache as elasticache
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sqs as sqs
from constructs import Construct


def stack(app, id, **kwargs):
    # No bootstrap parameter or rule, no CDKMetadata: only what the program declares.
    return cdk.Stack(app, id, synthesizer=cdk.LegacyStackSynthesizer(), **kwargs)


def basic(app):
    """A Ref and GetAtts used once, many times, nested in objects, in a join, in a sub."""
    producer = stack(app, "Producer")
    bucket = s3.CfnBucket(producer, "Bucket")
    queue = sqs.CfnQueue(producer, "Queue")
    cdk.CfnOutput(producer, "Own", value=bucket.ref)

    consumer = stack(app, "Consumer")
    topic = sns.CfnTopic(consumer, "Topic", display_name=bucket.ref)
    sns.CfnSubscription(consumer, "Sub", topic_arn=topic.ref, protocol="sqs",
                        endpoint=queue.attr_arn)
    sns.CfnSubscription(consumer, "Sub2", topic_arn=topic.ref, protocol="sqs",
                        endpoint=queue.attr_arn,
                        filter_policy={"bucket": [bucket.ref], "arn": [bucket.attr_arn]})
    sqs.CfnQueue(consumer, "Named", queue_name=f"{bucket.ref}-copy-{queue.attr_queue_name}")
    cdk.CfnOutput(consumer, "Joined", value=cdk.Fn.sub("${B}/x", {"B": bucket.attr_arn}))
    cdk.CfnOutput(consumer, "Domain", value=bucket.attr_regional_domain_name)


def many(app):
    """Consumers before and after the producer, one export shared by two stacks, a nested
    construct, a dotted attribute, Select/Split, and a name longer than 255 characters."""
    early = stack(app, "Early")
    shared = stack(app, "Shared")
    late = stack(app, "Late")
    long_name = "Long" + "x" * 96
    long_stack = stack(app, "LongStack", stack_name=long_name)

    topic = sns.CfnTopic(shared, "Topic")
    queue = sqs.CfnQueue(shared, "Queue")
    group = Construct(shared, "Group")
    bucket = s3.CfnBucket(group, "Bucket")
    cache = elasticache.CfnCacheCluster(shared, "Cache", cache_node_type="cache.t3.micro",
                                        engine="redis", num_cache_nodes=1)
    long_id = "Resource" + "y" * 200
    long_queue = sqs.CfnQueue(long_stack, long_id)

    sns.CfnSubscription(early, "Sub", topic_arn=topic.ref, protocol="sqs",
                        endpoint=queue.attr_arn)
    sqs.CfnQueue(early, "Named", queue_name=cdk.Fn.select(0, cdk.Fn.split(".", cache.attr_redis_endpoint_address)))

    sns.CfnSubscription(late, "Sub", topic_arn=topic.ref, protocol="sqs",
                        endpoint=long_queue.attr_arn)
    cdk.CfnOutput(late, "BucketName", value=bucket.ref)
    cdk.CfnOutput(late, "QueueUrl", value=queue.ref)
    cdk.CfnOutput(late, "Host", value=f"redis://{cache.attr_redis_endpoint_address}:{cache.attr_redis_endpoint_port}")


def chain(app):
    """A → B → C, and C reading A directly too."""
    a = stack(app, "A")
    b = stack(app, "B")
    c = stack(app, "C")
    bucket = s3.CfnBucket(a, "Bucket")
    topic = sns.CfnTopic(b, "Topic", display_name=bucket.ref)
    sns.CfnSubscription(c, "Sub", topic_arn=topic.ref, protocol="email",
                        endpoint=bucket.attr_domain_name)


def export_value(app):
    """Stack.exportValue without and with a name, and a reference that shares the export."""
    producer = stack(app, "Producer")
    bucket = s3.CfnBucket(producer, "Bucket")
    topic = sns.CfnTopic(producer, "Topic")
    producer.export_value(bucket.attr_arn)
    producer.export_value(topic.ref, name="shared-topic", description="The shared topic")
    consumer = stack(app, "Consumer")
    sqs.CfnQueue(consumer, "Queue", queue_name=bucket.ref,
                 redrive_allow_policy={"sourceQueueArns": [bucket.attr_arn]})


CASES = {"basic": basic, "many": many, "chain": chain, "export-value": export_value}

if __name__ == "__main__":
    app = cdk.App(analytics_reporting=False)
    CASES[sys.argv[1]](app)
    app.synth()
