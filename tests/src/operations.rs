//! Calls every FinSpace Data operation through the generated client with the input members
//! taken from a botocore params dict (as in `tests/data/botocore-requests/requests.json`):
//! required members as the positional arguments of the client method, optional ones with the
//! fluent builder's setters, nested structures with their builders. Members absent from the
//! dict are left unset, so the same call serves the full, `client_token_unset` and
//! `empty_input` cases. Written by hand, once per operation.

use finspace_data::types::{
    ColumnDefinition, DataViewDestinationTypeParams, DatasetOwnerInfo, PermissionGroupParams,
    ResourcePermission, SchemaDefinition, SchemaUnion,
};
use finspace_data::Client;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Display;

/// `tests/data/botocore-requests/requests.json`, parsed.
pub fn botocore_requests() -> Vec<Value> {
    let path = crate::workspace_root().join("tests/data/botocore-requests/requests.json");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    match serde_json::from_str(&text) {
        Ok(Value::Array(entries)) => entries,
        Ok(_) => panic!("{} is not a JSON list", path.display()),
        Err(e) => panic!("parse {}: {e}", path.display()),
    }
}

/// A botocore params dict, read member by member. Panics name the member when a required one
/// is missing or has the wrong type (a broken test data file, not an SDK bug).
#[derive(Clone, Copy, Debug)]
pub struct Params<'a>(pub &'a Value);

impl<'a> Params<'a> {
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.0.get(key).filter(|v| !v.is_null())
    }

    /// A required string member.
    pub fn s(&self, key: &str) -> String {
        self.os(key)
            .unwrap_or_else(|| panic!("params: `{key}` is missing or not a string"))
    }

    /// An optional string member.
    pub fn os(&self, key: &str) -> Option<String> {
        self.get(key).map(|v| {
            v.as_str()
                .unwrap_or_else(|| panic!("params: `{key}` is not a string"))
                .to_owned()
        })
    }

    /// An optional integer member.
    pub fn oi64(&self, key: &str) -> Option<i64> {
        self.get(key).map(|v| {
            v.as_i64()
                .unwrap_or_else(|| panic!("params: `{key}` is not an integer"))
        })
    }

    /// An optional 32-bit integer member.
    pub fn oi32(&self, key: &str) -> Option<i32> {
        self.oi64(key).map(|v| {
            i32::try_from(v).unwrap_or_else(|_| panic!("params: `{key}` does not fit in i32"))
        })
    }

    /// A required 32-bit integer member.
    pub fn i32(&self, key: &str) -> i32 {
        self.oi32(key)
            .unwrap_or_else(|| panic!("params: `{key}` is missing"))
    }

    /// An optional boolean member.
    pub fn ob(&self, key: &str) -> Option<bool> {
        self.get(key).map(|v| {
            v.as_bool()
                .unwrap_or_else(|| panic!("params: `{key}` is not a boolean"))
        })
    }

    /// An optional list member, item by item (empty when absent).
    pub fn list(&self, key: &str) -> Vec<Params<'a>> {
        match self.get(key) {
            None => Vec::new(),
            Some(Value::Array(items)) => items.iter().map(Params).collect(),
            Some(_) => panic!("params: `{key}` is not a list"),
        }
    }

    /// An optional list of strings (empty when absent).
    pub fn strings(&self, key: &str) -> Vec<String> {
        self.list(key)
            .into_iter()
            .map(|item| {
                item.0
                    .as_str()
                    .unwrap_or_else(|| panic!("params: `{key}` has a non-string item"))
                    .to_owned()
            })
            .collect()
    }

    /// A string-to-string map member (empty when absent).
    pub fn map(&self, key: &str) -> BTreeMap<String, String> {
        match self.get(key) {
            None => BTreeMap::new(),
            Some(Value::Object(map)) => map
                .iter()
                .map(|(k, v)| {
                    let v = v
                        .as_str()
                        .unwrap_or_else(|| panic!("params: `{key}.{k}` is not a string"));
                    (k.clone(), v.to_owned())
                })
                .collect(),
            Some(_) => panic!("params: `{key}` is not a map"),
        }
    }

    /// An optional structure member.
    pub fn obj(&self, key: &str) -> Option<Params<'a>> {
        self.get(key).map(|v| {
            assert!(v.is_object(), "params: `{key}` is not a structure");
            Params(v)
        })
    }

    /// A required structure member.
    pub fn req_obj(&self, key: &str) -> Params<'a> {
        self.obj(key)
            .unwrap_or_else(|| panic!("params: `{key}` is missing"))
    }
}

/// Calls a setter only when the member is present, so absent members stay unset.
pub trait Maybe: Sized {
    /// `f(self, value)` when `value` is `Some`, else `self`.
    fn maybe<V>(self, value: Option<V>, f: impl FnOnce(Self, V) -> Self) -> Self {
        match value {
            Some(v) => f(self, v),
            None => self,
        }
    }

    /// `f(self, item)` for every item, in order.
    fn each<V>(self, items: impl IntoIterator<Item = V>, f: impl Fn(Self, V) -> Self) -> Self {
        items.into_iter().fold(self, f)
    }
}

impl<T> Maybe for T {}

fn done<T, E: Display>(result: Result<T, E>) -> Result<(), String> {
    result.map(|_| ()).map_err(|e| e.to_string())
}

fn schema_union(p: Params<'_>) -> SchemaUnion {
    SchemaUnion::builder()
        .maybe(p.obj("tabularSchemaConfig"), |b, c| {
            b.tabular_schema_config(schema_definition(c))
        })
        .build()
}

fn schema_definition(p: Params<'_>) -> SchemaDefinition {
    SchemaDefinition::builder()
        .each(p.list("columns"), |b, c| {
            b.columns(
                ColumnDefinition::builder()
                    .maybe(c.os("dataType"), |b, v| b.data_type(v.as_str()))
                    .maybe(c.os("columnName"), |b, v| b.column_name(v))
                    .maybe(c.os("columnDescription"), |b, v| b.column_description(v))
                    .build(),
            )
        })
        .each(p.strings("primaryKeyColumns"), |b, v| {
            b.primary_key_columns(v)
        })
        .build()
}

fn owner_info(p: Params<'_>) -> DatasetOwnerInfo {
    DatasetOwnerInfo::builder()
        .maybe(p.os("name"), |b, v| b.name(v))
        .maybe(p.os("phoneNumber"), |b, v| b.phone_number(v))
        .maybe(p.os("email"), |b, v| b.email(v))
        .build()
}

fn permission_group_params(p: Params<'_>) -> PermissionGroupParams {
    PermissionGroupParams::builder()
        .maybe(p.os("permissionGroupId"), |b, v| b.permission_group_id(v))
        .each(p.list("datasetPermissions"), |b, r| {
            b.dataset_permissions(
                ResourcePermission::builder()
                    .maybe(r.os("permission"), |b, v| b.permission(v))
                    .build(),
            )
        })
        .build()
}

fn destination_type_params(p: Params<'_>) -> DataViewDestinationTypeParams {
    DataViewDestinationTypeParams::builder()
        .maybe(p.os("destinationType"), |b, v| b.destination_type(v))
        .maybe(p.os("s3DestinationExportFileFormat"), |b, v| {
            b.s3_destination_export_file_format(v.as_str())
        })
        .each(
            p.map("s3DestinationExportFileFormatOptions"),
            |b, (k, v)| b.s3_destination_export_file_format_options(k, v),
        )
        .build()
}

/// The 31 operation names this module can call, in model order.
pub const OPERATIONS: [&str; 31] = [
    "AssociateUserToPermissionGroup",
    "CreateChangeset",
    "CreateDataView",
    "CreateDataset",
    "CreatePermissionGroup",
    "CreateUser",
    "DeleteDataset",
    "DeletePermissionGroup",
    "DisableUser",
    "DisassociateUserFromPermissionGroup",
    "EnableUser",
    "GetChangeset",
    "GetDataView",
    "GetDataset",
    "GetExternalDataViewAccessDetails",
    "GetPermissionGroup",
    "GetProgrammaticAccessCredentials",
    "GetUser",
    "GetWorkingLocation",
    "ListChangesets",
    "ListDataViews",
    "ListDatasets",
    "ListPermissionGroups",
    "ListPermissionGroupsByUser",
    "ListUsers",
    "ListUsersByPermissionGroup",
    "ResetUserPassword",
    "UpdateChangeset",
    "UpdateDataset",
    "UpdatePermissionGroup",
    "UpdateUser",
];

/// Calls `operation` with the members of `params` and waits for the result; `Err` carries the
/// error's `Display`. Panics for an operation name it does not know.
#[allow(deprecated)] // every FinSpace Data operation is deprecated in the model
pub async fn call(client: &Client, operation: &str, params: &Value) -> Result<(), String> {
    let p = Params(params);
    match operation {
        "AssociateUserToPermissionGroup" => done(
            client
                .associate_user_to_permission_group(p.s("permissionGroupId"), p.s("userId"))
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .send()
                .await,
        ),
        "CreateChangeset" => done(
            client
                .create_changeset(
                    p.s("datasetId"),
                    p.s("changeType").as_str(),
                    p.map("sourceParams"),
                    p.map("formatParams"),
                )
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .send()
                .await,
        ),
        "CreateDataView" => done(
            client
                .create_data_view(
                    p.s("datasetId"),
                    destination_type_params(p.req_obj("destinationTypeParams")),
                )
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .maybe(p.ob("autoUpdate"), |b, v| b.auto_update(v))
                .each(p.strings("sortColumns"), |b, v| b.sort_columns(v))
                .each(p.strings("partitionColumns"), |b, v| b.partition_columns(v))
                .maybe(p.oi64("asOfTimestamp"), |b, v| b.as_of_timestamp(v))
                .send()
                .await,
        ),
        "CreateDataset" => done(
            client
                .create_dataset(
                    p.s("datasetTitle"),
                    p.s("kind").as_str(),
                    permission_group_params(p.req_obj("permissionGroupParams")),
                )
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .maybe(p.os("datasetDescription"), |b, v| b.dataset_description(v))
                .maybe(p.obj("ownerInfo"), |b, v| b.owner_info(owner_info(v)))
                .maybe(p.os("alias"), |b, v| b.alias(v))
                .maybe(p.obj("schemaDefinition"), |b, v| {
                    b.schema_definition(schema_union(v))
                })
                .send()
                .await,
        ),
        "CreatePermissionGroup" => done(
            client
                .create_permission_group(
                    p.s("name"),
                    p.strings("applicationPermissions")
                        .iter()
                        .map(|v| v.as_str().into())
                        .collect::<Vec<_>>(),
                )
                .maybe(p.os("description"), |b, v| b.description(v))
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .send()
                .await,
        ),
        "CreateUser" => done(
            client
                .create_user(p.s("emailAddress"), p.s("type").as_str())
                .maybe(p.os("firstName"), |b, v| b.first_name(v))
                .maybe(p.os("lastName"), |b, v| b.last_name(v))
                .maybe(p.os("apiAccess"), |b, v| b.api_access(v.as_str()))
                .maybe(p.os("apiAccessPrincipalArn"), |b, v| {
                    b.api_access_principal_arn(v)
                })
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .send()
                .await,
        ),
        "DeleteDataset" => done(
            client
                .delete_dataset(p.s("datasetId"))
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .send()
                .await,
        ),
        "DeletePermissionGroup" => done(
            client
                .delete_permission_group(p.s("permissionGroupId"))
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .send()
                .await,
        ),
        "DisableUser" => done(
            client
                .disable_user(p.s("userId"))
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .send()
                .await,
        ),
        "DisassociateUserFromPermissionGroup" => done(
            client
                .disassociate_user_from_permission_group(p.s("permissionGroupId"), p.s("userId"))
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .send()
                .await,
        ),
        "EnableUser" => done(
            client
                .enable_user(p.s("userId"))
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .send()
                .await,
        ),
        "GetChangeset" => done(
            client
                .get_changeset(p.s("datasetId"), p.s("changesetId"))
                .send()
                .await,
        ),
        "GetDataView" => done(
            client
                .get_data_view(p.s("dataViewId"), p.s("datasetId"))
                .send()
                .await,
        ),
        "GetDataset" => done(client.get_dataset(p.s("datasetId")).send().await),
        "GetExternalDataViewAccessDetails" => done(
            client
                .get_external_data_view_access_details(p.s("dataViewId"), p.s("datasetId"))
                .send()
                .await,
        ),
        "GetPermissionGroup" => done(
            client
                .get_permission_group(p.s("permissionGroupId"))
                .send()
                .await,
        ),
        "GetProgrammaticAccessCredentials" => done(
            client
                .get_programmatic_access_credentials(p.s("environmentId"))
                .maybe(p.oi64("durationInMinutes"), |b, v| b.duration_in_minutes(v))
                .send()
                .await,
        ),
        "GetUser" => done(client.get_user(p.s("userId")).send().await),
        "GetWorkingLocation" => done(
            client
                .get_working_location()
                .maybe(p.os("locationType"), |b, v| b.location_type(v.as_str()))
                .send()
                .await,
        ),
        "ListChangesets" => done(
            client
                .list_changesets(p.s("datasetId"))
                .maybe(p.oi32("maxResults"), |b, v| b.max_results(v))
                .maybe(p.os("nextToken"), |b, v| b.next_token(v))
                .send()
                .await,
        ),
        "ListDataViews" => done(
            client
                .list_data_views(p.s("datasetId"))
                .maybe(p.os("nextToken"), |b, v| b.next_token(v))
                .maybe(p.oi32("maxResults"), |b, v| b.max_results(v))
                .send()
                .await,
        ),
        "ListDatasets" => done(
            client
                .list_datasets()
                .maybe(p.os("nextToken"), |b, v| b.next_token(v))
                .maybe(p.oi32("maxResults"), |b, v| b.max_results(v))
                .send()
                .await,
        ),
        "ListPermissionGroups" => done(
            client
                .list_permission_groups(p.i32("maxResults"))
                .maybe(p.os("nextToken"), |b, v| b.next_token(v))
                .send()
                .await,
        ),
        "ListPermissionGroupsByUser" => done(
            client
                .list_permission_groups_by_user(p.s("userId"), p.i32("maxResults"))
                .maybe(p.os("nextToken"), |b, v| b.next_token(v))
                .send()
                .await,
        ),
        "ListUsers" => done(
            client
                .list_users(p.i32("maxResults"))
                .maybe(p.os("nextToken"), |b, v| b.next_token(v))
                .send()
                .await,
        ),
        "ListUsersByPermissionGroup" => done(
            client
                .list_users_by_permission_group(p.s("permissionGroupId"), p.i32("maxResults"))
                .maybe(p.os("nextToken"), |b, v| b.next_token(v))
                .send()
                .await,
        ),
        "ResetUserPassword" => done(
            client
                .reset_user_password(p.s("userId"))
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .send()
                .await,
        ),
        "UpdateChangeset" => done(
            client
                .update_changeset(
                    p.s("datasetId"),
                    p.s("changesetId"),
                    p.map("sourceParams"),
                    p.map("formatParams"),
                )
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .send()
                .await,
        ),
        "UpdateDataset" => done(
            client
                .update_dataset(p.s("datasetId"), p.s("datasetTitle"), p.s("kind").as_str())
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .maybe(p.os("datasetDescription"), |b, v| b.dataset_description(v))
                .maybe(p.os("alias"), |b, v| b.alias(v))
                .maybe(p.obj("schemaDefinition"), |b, v| {
                    b.schema_definition(schema_union(v))
                })
                .send()
                .await,
        ),
        "UpdatePermissionGroup" => done(
            client
                .update_permission_group(p.s("permissionGroupId"))
                .maybe(p.os("name"), |b, v| b.name(v))
                .maybe(p.os("description"), |b, v| b.description(v))
                .each(p.strings("applicationPermissions"), |b, v| {
                    b.application_permissions(v.as_str())
                })
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .send()
                .await,
        ),
        "UpdateUser" => done(
            client
                .update_user(p.s("userId"))
                .maybe(p.os("type"), |b, v| b.r#type(v.as_str()))
                .maybe(p.os("firstName"), |b, v| b.first_name(v))
                .maybe(p.os("lastName"), |b, v| b.last_name(v))
                .maybe(p.os("apiAccess"), |b, v| b.api_access(v.as_str()))
                .maybe(p.os("apiAccessPrincipalArn"), |b, v| {
                    b.api_access_principal_arn(v)
                })
                .maybe(p.os("clientToken"), |b, v| b.client_token(v))
                .send()
                .await,
        ),
        other => panic!("no call written for operation {other}"),
    }
}
