"""A real S3 API for the tests of object storage: moto's standalone server."""

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from ctdialogue.operations.storage import media_storage
from tests.processes import free_port

CREDENTIALS = {"access_key": "testing", "secret_key": "testing"}


def moto_server_command():
    beside_python = Path(sys.executable).with_name("moto_server")
    found = str(beside_python) if beside_python.exists() else shutil.which("moto_server")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("moto_server is missing: CI must run the object-storage tests")
    pytest.skip("moto_server is not installed (pip install 'moto[server]')")
    return None


def wait_until_up(endpoint: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"moto_server stopped at once (exit code {process.returncode})")
        try:
            urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1)  # noqa: S310
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail("moto_server did not answer within 20 seconds")


@pytest.fixture(scope="session")
def s3_endpoint():
    """The address of an S3 API server started for this test session."""
    command = moto_server_command()
    port = free_port()
    process = subprocess.Popen(
        [command, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(endpoint, process)
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def public_read_policy(bucket: str) -> dict:
    """What the README asks of a production bucket: anyone may read an object whose
    name they know; nobody may list the bucket without credentials."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicReadOfKnownNames",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }


@pytest.fixture
def bucket(s3_endpoint):
    """A new, empty bucket, reached with boto3 as an operator would."""
    import boto3

    name = f"ctdialogue-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
    )
    client.create_bucket(Bucket=name)
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
    return client, name


@pytest.fixture
def object_storage(settings, s3_endpoint, bucket):
    """Media go to the bucket, configured as DJANGO_STORAGE_URL would; yields
    (boto3 client, bucket name)."""
    client, name = bucket
    default = media_storage(f"s3://{name}?endpoint_url={s3_endpoint}&region=us-east-1")
    default["OPTIONS"].update(CREDENTIALS)
    settings.STORAGES = {**settings.STORAGES, "default": default}
    return client, name
