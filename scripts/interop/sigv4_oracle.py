#!/usr/bin/env python3
"""botocore's SigV4 for S3, as an oracle for Lagoa's SigV4Signer tests.

Reads a JSON list of requests from the file named by argv[1] (or stdin) and prints, as JSON, one
object per request with botocore's canonical request, string to sign and Authorization header
(from botocore.auth.S3SigV4Auth, with the clock frozen at the request's timestamp).

Each request:
  method        "GET", "PUT", ...
  endpoint      "https://s3.us-east-1.amazonaws.com" (scheme, host, optional port)
  path          the raw (unencoded) path, e.g. "/bucket/key with space/é"; botocore's serializer
                encoding (percent_encode(path, safe='/~')) is applied here, as boto3 does for keys
  query         [[name, value], ...] raw (unencoded); a bare flag such as ?delete has value ""
  headers       [[name, value], ...] extra headers to sign (range, if-none-match, content-md5, ...)
  body_hex      the body as hex ("" for none)
  unsigned      true for UNSIGNED-PAYLOAD
  access_key, secret_key, session_token (or null), region
  timestamp     seconds since the epoch (UTC)
"""
import datetime
import json
import sys
import types

import botocore.auth
from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.utils import percent_encode


class RecordingSigner(S3SigV4Auth):
    """S3SigV4Auth that keeps the canonical request and string to sign it computed."""

    def canonical_request(self, request):
        self.recorded_canonical_request = super().canonical_request(request)
        return self.recorded_canonical_request

    def string_to_sign(self, request, canonical_request):
        self.recorded_string_to_sign = super().string_to_sign(request, canonical_request)
        return self.recorded_string_to_sign


def sign(case):
    fixed = datetime.datetime.fromtimestamp(case["timestamp"], tz=datetime.timezone.utc).replace(tzinfo=None)
    botocore.auth.get_current_datetime = lambda *args, **kwargs: fixed
    url = case["endpoint"] + percent_encode(case["path"], safe="/~")
    params = [(k, v) for k, v in case.get("query", [])]
    request = AWSRequest(
        method=case["method"],
        url=url,
        headers=dict(case.get("headers", [])),
        data=bytes.fromhex(case.get("body_hex", "")),
        params=params or None,
    )
    if case.get("unsigned"):
        request.context["client_config"] = types.SimpleNamespace(s3={"payload_signing_enabled": False})
    credentials = Credentials(case["access_key"], case["secret_key"], case.get("session_token"))
    signer = RecordingSigner(credentials, "s3", case["region"])
    signer.add_auth(request)
    return {
        "canonical_request": signer.recorded_canonical_request,
        "string_to_sign": signer.recorded_string_to_sign,
        "authorization": request.headers["Authorization"],
    }


def main():
    source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    cases = json.load(source)
    json.dump([sign(case) for case in cases], sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
