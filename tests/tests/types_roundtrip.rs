//! Wire (de)serialization of the generated `finspace_data::types`: realistic response bodies
//! (wire names as in the FinSpace Data model) deserialize into typed values, read back through
//! the accessors, and serialize to the same JSON. Also covers unknown fields, `null` members,
//! omitted absent members, unknown enum values, the enum API and builder/deserialize equality.

use std::collections::BTreeMap;
use std::str::FromStr;

use finspace_data::types::{
    ApplicationPermission, ChangeType, ChangesetErrorInfo, ChangesetSummary, ColumnDataType,
    ColumnDefinition, DataViewDestinationTypeParams, DataViewStatus, DataViewSummary, Dataset,
    DatasetKind, DatasetOwnerInfo, ErrorCategory, ExportFileFormat, IngestionStatus,
    PermissionGroup, PermissionGroupMembershipStatus, SchemaDefinition, SchemaUnion, User,
    UserStatus, UserType,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

/// Deserializes `body`, serializes the value again and checks both directions agree: the JSON
/// is the same document (as a `Value`, so key order does not matter) and re-parsing the output
/// gives the same typed value.
fn round_trip<T>(body: &Value) -> T
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let text = serde_json::to_string(body).expect("serialize test input");
    let parsed: T =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("deserialize {text}: {e}"));
    let back = serde_json::to_value(&parsed).expect("serialize typed value");
    assert_eq!(&back, body, "JSON changed in a round trip");
    let again: T = serde_json::from_value(back).expect("deserialize own output");
    assert_eq!(again, parsed, "typed value changed in a round trip");
    parsed
}

fn dataset_body() -> Value {
    json!({
        "datasetId": "Eq8aBvSCBPt2zMVJXiKF7g",
        "datasetArn": "arn:aws:finspace:us-east-1:123456789012:dataset/Eq8aBvSCBPt2zMVJXiKF7g",
        "datasetTitle": "US Equity Trades",
        "kind": "TABULAR",
        "datasetDescription": "Consolidated tape trades, one row per print.",
        "ownerInfo": {
            "name": "Market Data Team",
            "phoneNumber": "+1-212-555-0100",
            "email": "marketdata@example.com"
        },
        "createTime": 1635768000000i64,
        "lastModifiedTime": 1635854400000i64,
        "schemaDefinition": {
            "tabularSchemaConfig": {
                "columns": [
                    {"dataType": "STRING", "columnName": "ticker", "columnDescription": "Exchange ticker symbol"},
                    {"dataType": "DATETIME", "columnName": "trade_time", "columnDescription": "Time of the print (UTC)"},
                    {"dataType": "DOUBLE", "columnName": "price"},
                    {"dataType": "BIGINT", "columnName": "volume"}
                ],
                "primaryKeyColumns": ["ticker", "trade_time"]
            }
        },
        "alias": "us-equity-trades"
    })
}

fn changeset_body() -> Value {
    json!({
        "changesetId": "2bXkXwKfcA5dXhNrgNVeiA",
        "changesetArn": "arn:aws:finspace:us-east-1:123456789012:dataset/Eq8aBvSCBPt2zMVJXiKF7g/changeset/2bXkXwKfcA5dXhNrgNVeiA",
        "datasetId": "Eq8aBvSCBPt2zMVJXiKF7g",
        "changeType": "APPEND",
        "sourceParams": {
            "s3SourcePath": "s3://finspace-landing-123456789012/trades/2021-11-01/",
            "sourceType": "S3"
        },
        "formatParams": {
            "formatType": "CSV",
            "withHeader": "true",
            "separator": ","
        },
        "createTime": 1635768000000i64,
        "status": "FAILED",
        "errorInfo": {
            "errorMessage": "Column count mismatch in row 42 of trades.csv",
            "errorCategory": "VALIDATION"
        },
        "activeUntilTimestamp": 1635854400000i64,
        "activeFromTimestamp": 1635768000000i64,
        "updatesChangesetId": "1aQpWvXkEq8aBvSCBPt2zM",
        "updatedByChangesetId": "3cHtYzUuL0m1N2o3P4q5R6"
    })
}

fn user_body() -> Value {
    json!({
        "userId": "uK1fyVnQRb2xVJXiKF7gEq",
        "status": "ENABLED",
        "firstName": "Ada",
        "lastName": "Lovelace",
        "emailAddress": "ada.lovelace@example.com",
        "type": "APP_USER",
        "apiAccess": "ENABLED",
        "apiAccessPrincipalArn": "arn:aws:iam::123456789012:role/FinSpaceApiAccess",
        "createTime": 1635768000000i64,
        "lastEnabledTime": 1635768060000i64,
        "lastDisabledTime": 1635700000000i64,
        "lastModifiedTime": 1635854400000i64,
        "lastLoginTime": 1635940800000i64
    })
}

fn data_view_body() -> Value {
    json!({
        "dataViewId": "dv-8Jk2LmNoPq3RsTuVwXyZ0a",
        "dataViewArn": "arn:aws:finspace:us-east-1:123456789012:dataset/Eq8aBvSCBPt2zMVJXiKF7g/dataview/dv-8Jk2LmNoPq3RsTuVwXyZ0a",
        "datasetId": "Eq8aBvSCBPt2zMVJXiKF7g",
        "asOfTimestamp": 1635768000000i64,
        "partitionColumns": ["trade_date"],
        "sortColumns": ["ticker", "trade_time"],
        "status": "SUCCESS",
        "destinationTypeProperties": {
            "destinationType": "S3",
            "s3DestinationExportFileFormat": "DELIMITED_TEXT",
            "s3DestinationExportFileFormatOptions": {
                "header": "true",
                "delimiter": ",",
                "compression": "gzip"
            }
        },
        "autoUpdate": true,
        "createTime": 1635768000000i64,
        "lastModifiedTime": 1635771600000i64
    })
}

fn permission_group_body() -> Value {
    json!({
        "permissionGroupId": "pg-3fQ9xWvUtSrQpOnMlKjIhG",
        "name": "Quant Research",
        "description": "Research analysts: notebooks and temporary credentials",
        "applicationPermissions": ["CreateDataset", "AccessNotebooks", "GetTemporaryCredentials"],
        "createTime": 1635768000000i64,
        "lastModifiedTime": 1635854400000i64,
        "membershipStatus": "ADDITION_SUCCESS"
    })
}

#[test]
fn dataset_round_trips_with_nested_schema_and_owner() {
    let ds: Dataset = round_trip(&dataset_body());
    assert_eq!(ds.dataset_id(), Some("Eq8aBvSCBPt2zMVJXiKF7g"));
    assert_eq!(ds.kind(), Some(&DatasetKind::Tabular));
    assert_eq!(ds.create_time(), Some(1_635_768_000_000));
    assert_eq!(ds.last_modified_time(), Some(1_635_854_400_000));
    assert_eq!(ds.alias(), Some("us-equity-trades"));

    let owner = ds.owner_info().expect("ownerInfo");
    assert_eq!(owner.name(), Some("Market Data Team"));
    assert_eq!(owner.phone_number(), Some("+1-212-555-0100"));
    assert_eq!(owner.email(), Some("marketdata@example.com"));

    let schema = ds
        .schema_definition()
        .and_then(SchemaUnion::tabular_schema_config)
        .expect("schemaDefinition.tabularSchemaConfig");
    let columns = schema.columns();
    assert_eq!(columns.len(), 4);
    let names: Vec<Option<&str>> = columns.iter().map(ColumnDefinition::column_name).collect();
    assert_eq!(
        names,
        [
            Some("ticker"),
            Some("trade_time"),
            Some("price"),
            Some("volume")
        ]
    );
    assert_eq!(columns[1].data_type(), Some(&ColumnDataType::Datetime));
    assert_eq!(columns[2].data_type(), Some(&ColumnDataType::Double));
    assert_eq!(columns[3].data_type(), Some(&ColumnDataType::Bigint));
    assert_eq!(
        columns[0].column_description(),
        Some("Exchange ticker symbol")
    );
    assert_eq!(columns[2].column_description(), None);
    assert_eq!(schema.primary_key_columns(), ["ticker", "trade_time"]);
}

#[test]
fn changeset_summary_round_trips_with_maps_and_error_info() {
    let cs: ChangesetSummary = round_trip(&changeset_body());
    assert_eq!(cs.change_type(), Some(&ChangeType::Append));
    assert_eq!(cs.status(), Some(&IngestionStatus::Failed));
    assert_eq!(cs.active_from_timestamp(), Some(1_635_768_000_000));
    assert_eq!(cs.active_until_timestamp(), Some(1_635_854_400_000));
    assert_eq!(cs.updates_changeset_id(), Some("1aQpWvXkEq8aBvSCBPt2zM"));

    let source = cs.source_params().expect("sourceParams");
    assert_eq!(source.len(), 2);
    assert_eq!(
        source.get("s3SourcePath").map(String::as_str),
        Some("s3://finspace-landing-123456789012/trades/2021-11-01/")
    );
    assert_eq!(source.get("sourceType").map(String::as_str), Some("S3"));
    let format = cs.format_params().expect("formatParams");
    let expected: BTreeMap<String, String> = [
        ("formatType", "CSV"),
        ("withHeader", "true"),
        ("separator", ","),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    assert_eq!(format, &expected);

    let err = cs.error_info().expect("errorInfo");
    assert_eq!(err.error_category(), Some(&ErrorCategory::Validation));
    assert_eq!(
        err.error_message(),
        Some("Column count mismatch in row 42 of trades.csv")
    );
}

#[test]
fn user_round_trips() {
    let user: User = round_trip(&user_body());
    assert_eq!(user.user_id(), Some("uK1fyVnQRb2xVJXiKF7gEq"));
    assert_eq!(user.status(), Some(&UserStatus::Enabled));
    assert_eq!(user.r#type(), Some(&UserType::AppUser));
    assert_eq!(
        user.api_access(),
        Some(&finspace_data::types::ApiAccess::Enabled)
    );
    assert_eq!(user.first_name(), Some("Ada"));
    assert_eq!(user.email_address(), Some("ada.lovelace@example.com"));
    assert_eq!(user.last_login_time(), Some(1_635_940_800_000));
    assert_eq!(user.last_disabled_time(), Some(1_635_700_000_000));
}

#[test]
fn data_view_summary_round_trips_with_destination_and_column_lists() {
    let dv: DataViewSummary = round_trip(&data_view_body());
    assert_eq!(dv.status(), Some(&DataViewStatus::Success));
    assert_eq!(dv.as_of_timestamp(), Some(1_635_768_000_000));
    assert_eq!(dv.auto_update(), Some(true));
    assert_eq!(dv.partition_columns(), ["trade_date"]);
    assert_eq!(dv.sort_columns(), ["ticker", "trade_time"]);
    assert!(dv.error_info().is_none());

    let dest = dv
        .destination_type_properties()
        .expect("destinationTypeProperties");
    assert_eq!(dest.destination_type(), Some("S3"));
    assert_eq!(
        dest.s3_destination_export_file_format(),
        Some(&ExportFileFormat::DelimitedText)
    );
    let options = dest
        .s3_destination_export_file_format_options()
        .expect("format options");
    assert_eq!(options.get("compression").map(String::as_str), Some("gzip"));
    assert_eq!(options.get("delimiter").map(String::as_str), Some(","));
    assert_eq!(options.len(), 3);
}

#[test]
fn permission_group_round_trips_with_enum_list() {
    let pg: PermissionGroup = round_trip(&permission_group_body());
    assert_eq!(pg.permission_group_id(), Some("pg-3fQ9xWvUtSrQpOnMlKjIhG"));
    assert_eq!(pg.name(), Some("Quant Research"));
    assert_eq!(
        pg.application_permissions(),
        [
            ApplicationPermission::CreateDataset,
            ApplicationPermission::AccessNotebooks,
            ApplicationPermission::GetTemporaryCredentials,
        ]
    );
    assert_eq!(
        pg.membership_status(),
        Some(&PermissionGroupMembershipStatus::AdditionSuccess)
    );
    assert_eq!(pg.create_time(), Some(1_635_768_000_000));
}

#[test]
fn unknown_fields_are_ignored() {
    let mut body = user_body();
    body["preferredLanguage"] = json!("en-GB");
    body["futureNested"] = json!({"a": [1, 2, {"b": null}], "c": true});
    let with_extra: User = serde_json::from_value(body).expect("unknown fields are ignored");
    let plain: User = serde_json::from_value(user_body()).expect("user body");
    assert_eq!(with_extra, plain);
    assert_eq!(
        serde_json::to_value(&with_extra).expect("serialize"),
        user_body()
    );

    let mut nested = dataset_body();
    nested["ownerInfo"]["department"] = json!("Equities");
    nested["schemaDefinition"]["tabularSchemaConfig"]["columns"][0]["nullable"] = json!(false);
    let ds: Dataset = serde_json::from_value(nested).expect("unknown nested fields are ignored");
    assert_eq!(
        serde_json::to_value(&ds).expect("serialize"),
        dataset_body()
    );
}

#[test]
fn null_members_become_none() {
    let body = json!({
        "datasetId": "Eq8aBvSCBPt2zMVJXiKF7g",
        "datasetTitle": null,
        "kind": null,
        "ownerInfo": null,
        "createTime": null,
        "schemaDefinition": {"tabularSchemaConfig": {"columns": null, "primaryKeyColumns": null}},
        "alias": null
    });
    let ds: Dataset = serde_json::from_value(body).expect("nulls are tolerated");
    assert_eq!(ds.dataset_id(), Some("Eq8aBvSCBPt2zMVJXiKF7g"));
    assert_eq!(ds.dataset_title(), None);
    assert_eq!(ds.kind(), None);
    assert!(ds.owner_info().is_none());
    assert_eq!(ds.create_time(), None);
    assert_eq!(ds.alias(), None);
    let schema = ds
        .schema_definition()
        .and_then(SchemaUnion::tabular_schema_config)
        .expect("schema present");
    assert!(schema.columns().is_empty());
    assert!(schema.primary_key_columns().is_empty());
    assert_eq!(
        serde_json::to_value(&ds).expect("serialize"),
        json!({"datasetId": "Eq8aBvSCBPt2zMVJXiKF7g", "schemaDefinition": {"tabularSchemaConfig": {}}})
    );

    let cs: ChangesetSummary = serde_json::from_value(
        json!({"sourceParams": null, "status": null, "errorInfo": null, "autoUpdate": null}),
    )
    .expect("nulls are tolerated");
    assert_eq!(cs, ChangesetSummary::default());
    let dv: DataViewSummary =
        serde_json::from_value(json!({"autoUpdate": null, "partitionColumns": null}))
            .expect("nulls are tolerated");
    assert_eq!(dv.auto_update(), None);
    assert!(dv.partition_columns().is_empty());
}

#[test]
fn absent_members_are_omitted_on_output() {
    assert_eq!(
        serde_json::to_value(User::default()).expect("serialize"),
        json!({})
    );
    let user = User::builder()
        .user_id("u-1")
        .status(UserStatus::Disabled)
        .build();
    assert_eq!(
        serde_json::to_value(&user).expect("serialize"),
        json!({"userId": "u-1", "status": "DISABLED"})
    );
    // An empty list is a value (the member is set), unlike an absent one.
    let dv = DataViewSummary::builder()
        .set_sort_columns(Some(Vec::new()))
        .build();
    assert_eq!(
        serde_json::to_value(&dv).expect("serialize"),
        json!({"sortColumns": []})
    );
    let text = serde_json::to_string(&PermissionGroup::builder().create_time(0i64).build())
        .expect("serialize");
    assert_eq!(text, r#"{"createTime":0}"#);
}

#[test]
fn unknown_enum_values_round_trip_unchanged() {
    let mut body = user_body();
    body["status"] = json!("ARCHIVED");
    let user: User = round_trip(&body);
    assert_eq!(
        user.status(),
        Some(&UserStatus::Unknown("ARCHIVED".to_owned()))
    );
    assert_eq!(user.status().map(UserStatus::as_str), Some("ARCHIVED"));

    let mut body = permission_group_body();
    body["applicationPermissions"] = json!(["CreateDataset", "LaunchRockets"]);
    let pg: PermissionGroup = round_trip(&body);
    assert_eq!(
        pg.application_permissions(),
        [
            ApplicationPermission::CreateDataset,
            ApplicationPermission::Unknown("LaunchRockets".to_owned())
        ]
    );

    // Case matters on the wire: a differently cased value is not the known one.
    let lower: UserStatus =
        serde_json::from_value(json!("enabled")).expect("any string is accepted");
    assert_eq!(lower, UserStatus::Unknown("enabled".to_owned()));
    assert_eq!(
        serde_json::to_value(&lower).expect("serialize"),
        json!("enabled")
    );
}

#[test]
fn enums_reject_non_string_json() {
    assert!(serde_json::from_value::<UserStatus>(json!(1)).is_err());
    assert!(serde_json::from_value::<User>(json!({"status": 1})).is_err());
    assert!(serde_json::from_value::<User>(json!({"createTime": "yesterday"})).is_err());
}

#[test]
fn enum_api() {
    assert_eq!(
        DataViewStatus::FailedCleanupFailed.as_str(),
        "FAILED_CLEANUP_FAILED"
    );
    assert_eq!(
        DataViewStatus::FailedCleanupFailed.to_string(),
        "FAILED_CLEANUP_FAILED"
    );
    assert_eq!(
        DataViewStatus::from_str("FAILED_CLEANUP_FAILED"),
        Ok(DataViewStatus::FailedCleanupFailed)
    );
    assert_eq!(
        "TIMEOUT".parse::<DataViewStatus>(),
        Ok(DataViewStatus::Timeout)
    );
    assert_eq!(
        "NOPE".parse::<DataViewStatus>(),
        Ok(DataViewStatus::Unknown("NOPE".into()))
    );
    assert_eq!(DataViewStatus::from("PENDING"), DataViewStatus::Pending);
    assert_eq!(
        DataViewStatus::from(String::from("PENDING")),
        DataViewStatus::Pending
    );
    assert_eq!(DataViewStatus::Unknown("X".into()).to_string(), "X");
    assert_eq!(format!("{}", UserType::SuperUser), "SUPER_USER");
    let as_ref: &str = ApplicationPermission::ManageUsersAndGroups.as_ref();
    assert_eq!(as_ref, "ManageUsersAndGroups");
    assert_eq!(ChangeType::values(), ["REPLACE", "APPEND", "MODIFY"]);
    assert_eq!(UserStatus::values(), ["CREATING", "ENABLED", "DISABLED"]);
}

/// For every enumeration of the model: `values()` is the model's list in model order, and each
/// value maps to a known variant that prints, parses and serializes back to the same string.
#[test]
fn every_enum_matches_the_model() {
    let model = tests::finspace_model_json();
    let shapes = model["shapes"].as_object().expect("shapes");
    // Keyed by Rust type name: the model spells one shape `locationType`.
    let model_enums: BTreeMap<String, Vec<&str>> = shapes
        .iter()
        .filter_map(|(name, s)| {
            let values = s.get("enum")?.as_array()?;
            let values = values
                .iter()
                .map(|v| v.as_str().expect("enum value"))
                .collect();
            Some((codegen::naming::type_name(name), values))
        })
        .collect();

    let mut checked = BTreeMap::new();
    macro_rules! check {
        ($($ty:ident),* $(,)?) => {$(
            {
                let name = stringify!($ty);
                let values = $ty::values();
                assert_eq!(Some(&values.to_vec()), model_enums.get(name), "{name}::values()");
                for &v in values {
                    let known = $ty::from(v);
                    assert!(!matches!(known, $ty::Unknown(_)), "{name}: {v:?} is not a known variant");
                    assert_eq!(known.as_str(), v);
                    assert_eq!(known.to_string(), v);
                    assert_eq!(v.parse::<$ty>(), Ok(known.clone()));
                    assert_eq!(serde_json::to_value(&known).expect("serialize"), json!(v));
                    assert_eq!(serde_json::from_value::<$ty>(json!(v)).expect("deserialize"), known);
                }
                let odd = $ty::from("NOT_IN_THE_MODEL");
                assert_eq!(odd, $ty::Unknown("NOT_IN_THE_MODEL".to_owned()));
                assert_eq!(odd.as_str(), "NOT_IN_THE_MODEL");
                checked.insert(name, values.len());
            }
        )*};
    }
    use finspace_data::types::*;
    check!(
        ApiAccess,
        ApplicationPermission,
        ChangeType,
        ColumnDataType,
        DataViewStatus,
        DatasetKind,
        DatasetStatus,
        ErrorCategory,
        ExportFileFormat,
        IngestionStatus,
        LocationType,
        PermissionGroupMembershipStatus,
        UserStatus,
        UserType,
    );
    let checked_names: Vec<&str> = checked.keys().copied().collect();
    let model_names: Vec<&str> = model_enums.keys().map(String::as_str).collect();
    assert_eq!(
        checked_names, model_names,
        "the list of checked enums is not the model's"
    );
}

#[test]
fn builders_equal_deserialized_values() {
    let user = User::builder()
        .user_id("uK1fyVnQRb2xVJXiKF7gEq")
        .status(UserStatus::Enabled)
        .first_name("Ada")
        .last_name("Lovelace")
        .email_address("ada.lovelace@example.com")
        .r#type(UserType::AppUser)
        .api_access("ENABLED")
        .api_access_principal_arn("arn:aws:iam::123456789012:role/FinSpaceApiAccess")
        .create_time(1_635_768_000_000i64)
        .last_enabled_time(1_635_768_060_000i64)
        .last_disabled_time(1_635_700_000_000i64)
        .last_modified_time(1_635_854_400_000i64)
        .last_login_time(1_635_940_800_000i64)
        .build();
    assert_eq!(
        user,
        serde_json::from_value::<User>(user_body()).expect("user")
    );

    let column = |ty: ColumnDataType, name: &str, desc: Option<&str>| {
        ColumnDefinition::builder()
            .data_type(ty)
            .column_name(name)
            .set_column_description(desc.map(str::to_owned))
            .build()
    };
    let dataset = Dataset::builder()
        .dataset_id("Eq8aBvSCBPt2zMVJXiKF7g")
        .dataset_arn("arn:aws:finspace:us-east-1:123456789012:dataset/Eq8aBvSCBPt2zMVJXiKF7g")
        .dataset_title("US Equity Trades")
        .kind(DatasetKind::Tabular)
        .dataset_description("Consolidated tape trades, one row per print.")
        .owner_info(
            DatasetOwnerInfo::builder()
                .name("Market Data Team")
                .phone_number("+1-212-555-0100")
                .email("marketdata@example.com")
                .build(),
        )
        .create_time(1_635_768_000_000i64)
        .last_modified_time(1_635_854_400_000i64)
        .schema_definition(
            SchemaUnion::builder()
                .tabular_schema_config(
                    SchemaDefinition::builder()
                        .columns(column(
                            ColumnDataType::String,
                            "ticker",
                            Some("Exchange ticker symbol"),
                        ))
                        .columns(column(
                            ColumnDataType::Datetime,
                            "trade_time",
                            Some("Time of the print (UTC)"),
                        ))
                        .columns(column(ColumnDataType::Double, "price", None))
                        .columns(column(ColumnDataType::Bigint, "volume", None))
                        .primary_key_columns("ticker")
                        .primary_key_columns("trade_time")
                        .build(),
                )
                .build(),
        )
        .alias("us-equity-trades")
        .build();
    assert_eq!(
        dataset,
        serde_json::from_value::<Dataset>(dataset_body()).expect("dataset")
    );

    let changeset = ChangesetSummary::builder()
        .changeset_id("2bXkXwKfcA5dXhNrgNVeiA")
        .changeset_arn(
            "arn:aws:finspace:us-east-1:123456789012:dataset/Eq8aBvSCBPt2zMVJXiKF7g/changeset/2bXkXwKfcA5dXhNrgNVeiA",
        )
        .dataset_id("Eq8aBvSCBPt2zMVJXiKF7g")
        .change_type(ChangeType::Append)
        .source_params("sourceType", "S3")
        .source_params("s3SourcePath", "s3://finspace-landing-123456789012/trades/2021-11-01/")
        .format_params("formatType", "CSV")
        .format_params("withHeader", "true")
        .format_params("separator", ",")
        .create_time(1_635_768_000_000i64)
        .status(IngestionStatus::Failed)
        .error_info(
            ChangesetErrorInfo::builder()
                .error_message("Column count mismatch in row 42 of trades.csv")
                .error_category(ErrorCategory::Validation)
                .build(),
        )
        .active_until_timestamp(1_635_854_400_000i64)
        .active_from_timestamp(1_635_768_000_000i64)
        .updates_changeset_id("1aQpWvXkEq8aBvSCBPt2zM")
        .updated_by_changeset_id("3cHtYzUuL0m1N2o3P4q5R6")
        .build();
    assert_eq!(
        changeset,
        serde_json::from_value::<ChangesetSummary>(changeset_body()).expect("changeset")
    );

    let data_view = DataViewSummary::builder()
        .data_view_id("dv-8Jk2LmNoPq3RsTuVwXyZ0a")
        .data_view_arn(
            "arn:aws:finspace:us-east-1:123456789012:dataset/Eq8aBvSCBPt2zMVJXiKF7g/dataview/dv-8Jk2LmNoPq3RsTuVwXyZ0a",
        )
        .dataset_id("Eq8aBvSCBPt2zMVJXiKF7g")
        .as_of_timestamp(1_635_768_000_000i64)
        .partition_columns("trade_date")
        .set_sort_columns(Some(vec!["ticker".into(), "trade_time".into()]))
        .status(DataViewStatus::Success)
        .destination_type_properties(
            DataViewDestinationTypeParams::builder()
                .destination_type("S3")
                .s3_destination_export_file_format(ExportFileFormat::DelimitedText)
                .s3_destination_export_file_format_options("header", "true")
                .s3_destination_export_file_format_options("delimiter", ",")
                .s3_destination_export_file_format_options("compression", "gzip")
                .build(),
        )
        .auto_update(true)
        .create_time(1_635_768_000_000i64)
        .last_modified_time(1_635_771_600_000i64)
        .build();
    assert_eq!(
        data_view,
        serde_json::from_value::<DataViewSummary>(data_view_body()).expect("data view")
    );

    let group = PermissionGroup::builder()
        .permission_group_id("pg-3fQ9xWvUtSrQpOnMlKjIhG")
        .name("Quant Research")
        .description("Research analysts: notebooks and temporary credentials")
        .application_permissions(ApplicationPermission::CreateDataset)
        .application_permissions("AccessNotebooks")
        .application_permissions(ApplicationPermission::GetTemporaryCredentials)
        .create_time(1_635_768_000_000i64)
        .last_modified_time(1_635_854_400_000i64)
        .membership_status(PermissionGroupMembershipStatus::AdditionSuccess)
        .build();
    assert_eq!(
        group,
        serde_json::from_value::<PermissionGroup>(permission_group_body()).expect("group")
    );
}

#[test]
fn builder_getters_and_set_none() {
    let builder = User::builder().user_id("u-1").status(UserStatus::Creating);
    assert_eq!(builder.get_user_id().as_deref(), Some("u-1"));
    assert_eq!(builder.get_status(), &Some(UserStatus::Creating));
    let cleared = builder.set_status(None).build();
    assert_eq!(cleared.status(), None);
    assert_eq!(cleared.user_id(), Some("u-1"));
}
