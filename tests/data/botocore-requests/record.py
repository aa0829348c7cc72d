#!/usr/bin/env python3
"""Record the HTTP requests botocore sends for every FinSpace Data operation.

Starts a loopback HTTP server (127.0.0.1, port 0) that records each request
and answers 200 with the body `{}`, points a botocore `finspace-data` client
at it (region us-east-1, static fake credentials, retries disabled), and
calls every operation of ../../../model/finspace-data/2020-07-13/service-2.json
with every input member set. For each operation that has an idempotency token
it also makes one call with the token left unset, to record whether botocore
fills it in, and for each operation without required members one call with no
input at all. The result is written to requests.json beside this script; the
Rust behaviour tests compare the generated client's requests with it.

The output is deterministic: every value is fixed, the server port is replaced
by the placeholder `{port}`, and auto-filled tokens by `<uuid>`.

See README.md beside this script for how to install botocore and re-run it.
"""

import json
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

import botocore
import botocore.session
from botocore.config import Config

BOTOCORE_VERSION = "1.43.11"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
MODEL = ROOT / "model" / "finspace-data" / "2020-07-13" / "service-2.json"
OUTPUT = HERE / "requests.json"

ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
REGION = "us-east-1"
HOST_PLACEHOLDER = "127.0.0.1:{port}"
UUID_PLACEHOLDER = "<uuid>"
UUID_RE = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
)

# Headers that change from run to run or describe the client rather than the
# request; only their names are recorded (in `header_names`).
VOLATILE_HEADERS = {
    "x-amz-date",
    "authorization",
    "user-agent",
    "amz-sdk-invocation-id",
    "amz-sdk-request",
}

# Shared pieces of the inputs below.
SCHEMA = {
    "tabularSchemaConfig": {
        "columns": [
            {
                "dataType": "DATE",
                "columnName": "trade_date",
                "columnDescription": "Trading day (exchange local time)",
            },
            {
                "dataType": "DOUBLE",
                "columnName": "close_price",
                "columnDescription": "Closing price in USD",
            },
        ],
        "primaryKeyColumns": ["trade_date", "close_price"],
    }
}
ROLE_ARN = "arn:aws:iam::123456789012:role/FinSpaceApiAccess"

# One input per operation, every member set, members in model order (botocore
# serializes a body in the order of the params dict, so this is also the order
# the JSON body is written in). Labels with a space and '/' exercise
# percent-encoding; so do some query values.
PARAMS = {
    "AssociateUserToPermissionGroup": {
        "permissionGroupId": "pg 1/analysts",
        "userId": "usr-0001",
        "clientToken": "token-associate-0001",
    },
    "CreateChangeset": {
        "clientToken": "token-create-changeset-0001",
        "datasetId": "ds 2024/q1",
        "changeType": "REPLACE",
        "sourceParams": {
            "sourceType": "S3",
            "s3SourcePath": "s3://finspace-landing/equity prices/2024-01.csv",
        },
        "formatParams": {"formatType": "CSV", "withHeader": "true"},
    },
    "CreateDataView": {
        "clientToken": "token-create-dataview-0001",
        "datasetId": "ds-equity-eod",
        "autoUpdate": True,
        "sortColumns": ["trade_date", "close_price"],
        "partitionColumns": ["trade_date", "exchange"],
        "asOfTimestamp": 1704067200000,
        "destinationTypeParams": {
            "destinationType": "S3",
            "s3DestinationExportFileFormat": "DELIMITED_TEXT",
            "s3DestinationExportFileFormatOptions": {
                "header": "true",
                "delimiter": ",",
            },
        },
    },
    "CreateDataset": {
        "clientToken": "token-create-dataset-0001",
        "datasetTitle": "Equity end-of-day prices",
        "kind": "TABULAR",
        "datasetDescription": "Données de marché: daily OHLC for US equities",
        "ownerInfo": {
            "name": "Market Data Team",
            "phoneNumber": "+1 (212) 555-0100",
            "email": "market-data@example.com",
        },
        "permissionGroupParams": {
            "permissionGroupId": "pg-analysts",
            "datasetPermissions": [
                {"permission": "ViewDatasetDetails"},
                {"permission": "ReadDatasetData"},
            ],
        },
        "alias": "alias/equity-eod",
        "schemaDefinition": SCHEMA,
    },
    "CreatePermissionGroup": {
        "name": "Quant analysts",
        "description": "Analysts who build and query data views",
        "applicationPermissions": ["CreateDataset", "AccessNotebooks"],
        "clientToken": "token-create-pg-0001",
    },
    "CreateUser": {
        "emailAddress": "jane.doe@example.com",
        "type": "APP_USER",
        "firstName": "Jane",
        "lastName": "Doe",
        "apiAccess": "ENABLED",
        "apiAccessPrincipalArn": ROLE_ARN,
        "clientToken": "token-create-user-0001",
    },
    "DeleteDataset": {
        "clientToken": "token delete/dataset 0001",
        "datasetId": "ds-equity-eod",
    },
    "DeletePermissionGroup": {
        "permissionGroupId": "pg-analysts",
        "clientToken": "token-delete-pg-0001",
    },
    "DisableUser": {
        "userId": "usr-0001",
        "clientToken": "token-disable-user-0001",
    },
    "DisassociateUserFromPermissionGroup": {
        "permissionGroupId": "pg 1/analysts",
        "userId": "usr 2/ops",
        "clientToken": "token-disassociate-0001",
    },
    "EnableUser": {
        "userId": "usr-0001",
        "clientToken": "token-enable-user-0001",
    },
    "GetChangeset": {
        "datasetId": "ds-equity-eod",
        "changesetId": "cs-20240101",
    },
    "GetDataView": {
        "dataViewId": "dv-latest",
        "datasetId": "ds-equity-eod",
    },
    "GetDataset": {
        "datasetId": "ds equity/eod+fx",
    },
    "GetExternalDataViewAccessDetails": {
        "dataViewId": "dv-latest",
        "datasetId": "ds-equity-eod",
    },
    "GetPermissionGroup": {
        "permissionGroupId": "pg-analysts",
    },
    "GetProgrammaticAccessCredentials": {
        "durationInMinutes": 60,
        "environmentId": "env-finspace-01",
    },
    "GetUser": {
        "userId": "usr-0001",
    },
    "GetWorkingLocation": {
        "locationType": "INGESTION",
    },
    "ListChangesets": {
        "datasetId": "ds-equity-eod",
        "maxResults": 25,
        "nextToken": "page 2/of+3=ok&more",
    },
    "ListDataViews": {
        "datasetId": "ds-equity-eod",
        "nextToken": "dv-next-0002",
        "maxResults": 10,
    },
    "ListDatasets": {
        "nextToken": "ds-next-0002",
        "maxResults": 50,
    },
    "ListPermissionGroups": {
        "nextToken": "pg-next-0002",
        "maxResults": 100,
    },
    "ListPermissionGroupsByUser": {
        "userId": "usr-0001",
        "nextToken": "pgu-next-0002",
        "maxResults": 20,
    },
    "ListUsers": {
        "nextToken": "jeton suivant/é",
        "maxResults": 5,
    },
    "ListUsersByPermissionGroup": {
        "permissionGroupId": "pg-analysts",
        "nextToken": "upg-next-0002",
        "maxResults": 30,
    },
    "ResetUserPassword": {
        "userId": "usr-0001",
        "clientToken": "token-reset-password-0001",
    },
    "UpdateChangeset": {
        "clientToken": "token-update-changeset-0001",
        "datasetId": "ds-equity-eod",
        "changesetId": "cs-20240101",
        "sourceParams": {
            "sourceType": "S3",
            "s3SourcePath": "s3://finspace-landing/equity-prices/2024-02.csv",
        },
        "formatParams": {"formatType": "PARQUET", "compression": "SNAPPY"},
    },
    "UpdateDataset": {
        "clientToken": "token-update-dataset-0001",
        "datasetId": "ds-equity-eod",
        "datasetTitle": "Equity end-of-day prices (v2)",
        "kind": "TABULAR",
        "datasetDescription": "Daily OHLC for US equities, corrected",
        "alias": "alias/equity-eod-v2",
        "schemaDefinition": SCHEMA,
    },
    "UpdatePermissionGroup": {
        "permissionGroupId": "pg-analysts",
        "name": "Senior quant analysts",
        "description": "Analysts with notebook and audit access",
        "applicationPermissions": ["AccessNotebooks", "ViewAuditData"],
        "clientToken": "token-update-pg-0001",
    },
    "UpdateUser": {
        "userId": "usr-0001",
        "type": "SUPER_USER",
        "firstName": "Janet",
        "lastName": "Doe-Smith",
        "apiAccess": "DISABLED",
        "apiAccessPrincipalArn": ROLE_ARN,
        "clientToken": "token-update-user-0001",
    },
}


class Recorder(BaseHTTPRequestHandler):
    """Records every request and answers 200 with `{}`."""

    records = []
    lock = threading.Lock()

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        if self.headers.get("Transfer-Encoding"):
            raise RuntimeError("chunked request bodies are not expected")
        body = self.rfile.read(length) if length else b""
        with self.lock:
            self.records.append(
                {
                    "method": self.command,
                    "target": self.path,
                    "headers": list(self.headers.items()),
                    "body": body,
                }
            )
        payload = b"{}"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000")
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _handle

    def log_message(self, format, *args):  # noqa: A002 - signature is fixed
        pass


def check_coverage(shape, value, where):
    """Fails unless `value` sets every member of `shape`, in model order."""
    if shape.type_name == "structure":
        names = list(shape.members)
        if list(value) != names:
            raise SystemExit(f"{where}: members {list(value)} != model {names}")
        for name, member in shape.members.items():
            check_coverage(member, value[name], f"{where}.{name}")
    elif shape.type_name == "list":
        if len(value) != 2:
            raise SystemExit(f"{where}: lists need 2 items")
        for i, item in enumerate(value):
            check_coverage(shape.member, item, f"{where}[{i}]")
    elif shape.type_name == "map":
        if len(value) != 2:
            raise SystemExit(f"{where}: maps need 2 keys")
        for key, item in value.items():
            check_coverage(shape.value, item, f"{where}[{key}]")


def modelled_headers(shape):
    """Lower-case names of the input's header members and header prefixes."""
    names, prefixes = [], []
    for member in shape.members.values():
        location = member.serialization.get("location")
        if location == "header":
            names.append(member.serialization["name"].lower())
        elif location == "headers":
            prefixes.append(member.serialization.get("name", "").lower())
    return names, prefixes


def describe(raw, port, header_names, header_prefixes):
    """Turns one recorded request into its JSON expectation."""
    target = raw["target"]
    path, _, query_raw = target.partition("?")
    query = []
    if query_raw:
        for pair in query_raw.split("&"):
            name, _, value = pair.partition("=")
            query.append([unquote(name), unquote(value)])
    headers = {}
    for name, value in raw["headers"]:
        low = name.lower()
        keep = (
            low in ("content-type", "content-length", "host")
            or low in header_names
            or any(low.startswith(p) for p in header_prefixes)
        )
        if keep:
            headers[low] = value
    if "host" in headers:
        headers["host"] = headers["host"].replace(f"127.0.0.1:{port}", HOST_PLACEHOLDER)
    body_raw = raw["body"].decode("utf-8")
    return {
        "method": raw["method"],
        "path": path,
        "query_raw": query_raw,
        "query": query,
        "headers": headers,
        "header_names": [
            n.lower() for n, _ in raw["headers"]
        ],
        "body": json.loads(body_raw) if body_raw else None,
        "body_raw": body_raw,
    }


def blank_uuid(request, member):
    """Replaces an auto-filled token by UUID_PLACEHOLDER; returns whether it was a v4 UUID."""
    found = None
    if isinstance(request["body"], dict) and member in request["body"]:
        found = request["body"][member]
        request["body"][member] = UUID_PLACEHOLDER
    for pair in request["query"]:
        if pair[0] == member:
            found = pair[1]
            pair[1] = UUID_PLACEHOLDER
    if found is None:
        return False
    request["body_raw"] = request["body_raw"].replace(found, UUID_PLACEHOLDER)
    request["query_raw"] = request["query_raw"].replace(found, UUID_PLACEHOLDER)
    return bool(UUID_RE.fullmatch(found))


def main():
    if botocore.__version__ != BOTOCORE_VERSION:
        raise SystemExit(
            f"botocore {botocore.__version__} is installed; this script records {BOTOCORE_VERSION}"
        )
    with open(MODEL, encoding="utf-8") as f:
        repo_model = json.load(f)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    session = botocore.session.get_session()
    bundled = session.get_component("data_loader").load_service_model(
        "finspace-data", "service-2", "2020-07-13"
    )
    if bundled != repo_model:
        raise SystemExit("botocore's bundled finspace-data model differs from model/")
    client = session.create_client(
        "finspace-data",
        region_name=REGION,
        endpoint_url=f"http://127.0.0.1:{port}",
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}),
    )
    api_to_method = {v: k for k, v in client.meta.method_to_api_mapping.items()}

    def call(op_name, params):
        Recorder.records.clear()
        getattr(client, api_to_method[op_name])(**params)
        if len(Recorder.records) != 1:
            raise SystemExit(f"{op_name}: expected 1 request, got {len(Recorder.records)}")
        return Recorder.records[0]

    operations = list(repo_model["operations"])
    if sorted(operations) != sorted(PARAMS):
        raise SystemExit("PARAMS must have exactly one entry per model operation")

    results = []
    for op_name in operations:
        op_model = client.meta.service_model.operation_model(op_name)
        params = PARAMS[op_name]
        check_coverage(op_model.input_shape, params, op_name)
        names, prefixes = modelled_headers(op_model.input_shape)
        entry = {
            "operation": op_name,
            "params": params,
            "request": describe(call(op_name, params), port, names, prefixes),
        }
        tokens = [
            name
            for name, member in op_model.input_shape.members.items()
            if member.metadata.get("idempotencyToken")
        ]
        for token in tokens:
            unset = {k: v for k, v in params.items() if k != token}
            request = describe(call(op_name, unset), port, names, prefixes)
            entry["client_token_unset"] = {
                "member": token,
                "params": unset,
                "autofilled_client_token": blank_uuid(request, token),
                "request": request,
            }
        if not op_model.input_shape.required_members:
            entry["empty_input"] = {
                "params": {},
                "request": describe(call(op_name, {}), port, names, prefixes),
            }
        results.append(entry)

    server.shutdown()
    with open(OUTPUT, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"recorded {len(results)} operations to {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
