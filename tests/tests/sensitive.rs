//! `Debug` of the generated FinSpace types never shows sensitive data. The model marks 10 shapes
//! sensitive (`Email`, `Password`, `Credentials`, ...); every structure that can hold one of them,
//! and its builder, must print a redaction marker instead of the value while still printing the
//! other members. The list of what is secret is computed from the model, not written by hand.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;

use finspace_data::types::{
    ApplicationPermission, AwsCredentials, AwsCredentialsBuilder, CreatePermissionGroupRequest,
    CreatePermissionGroupRequestBuilder, CreateUserRequest, CreateUserRequestBuilder, Credentials,
    CredentialsBuilder, DatasetOwnerInfo, GetExternalDataViewAccessDetailsResponse,
    GetProgrammaticAccessCredentialsResponse, GetProgrammaticAccessCredentialsResponseBuilder,
    PermissionGroup, ResetUserPasswordResponse, ResetUserPasswordResponseBuilder, S3Location,
    UpdateUserRequest, User, UserBuilder, UserStatus, UserType,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};

/// True when `text` shows a redaction marker (`** redacted **`, `*** Sensitive Data Redacted ***`, ...).
fn has_marker(text: &str) -> bool {
    text.to_ascii_lowercase().contains("redacted")
}

/// Asserts `Debug` (plain and `{:#?}`) of `value` hides every secret, shows every visible value
/// and carries the redaction marker.
fn assert_redacted(value: &impl Debug, secrets: &[&str], visible: &[&str]) {
    for text in [format!("{value:?}"), format!("{value:#?}")] {
        for s in secrets {
            assert!(!text.contains(s), "Debug leaks {s:?}:\n{text}");
        }
        for v in visible {
            assert!(text.contains(v), "Debug does not show {v:?}:\n{text}");
        }
        assert!(has_marker(&text), "Debug has no redaction marker:\n{text}");
    }
}

/// The model's shapes.
fn shapes(model: &Value) -> &Map<String, Value> {
    model["shapes"].as_object().expect("model has shapes")
}

#[test]
fn the_model_marks_ten_shapes_sensitive() {
    let model = tests::finspace_model_json();
    let sensitive: BTreeSet<&str> = shapes(&model)
        .iter()
        .filter(|(_, s)| s["sensitive"] == json!(true))
        .map(|(name, _)| name.as_str())
        .collect();
    let expected: BTreeSet<&str> = [
        "AwsCredentials",
        "Credentials",
        "Email",
        "FirstName",
        "LastName",
        "Password",
        "PermissionGroupDescription",
        "PermissionGroupName",
        "SecretAccessKey",
        "SessionToken",
    ]
    .into_iter()
    .collect();
    assert_eq!(sensitive, expected);
}

#[test]
fn user_and_builder() {
    let user: UserBuilder = User::builder()
        .user_id("uK1fyVnQRb2xVJXiKF7gEq")
        .status(UserStatus::Enabled)
        .first_name("Grace-FIRSTNAME")
        .last_name("Hopper-LASTNAME")
        .email_address("grace.hopper@secret.example")
        .r#type(UserType::SuperUser)
        .api_access_principal_arn("arn:aws:iam::123456789012:role/FinSpaceApi")
        .create_time(1_635_768_000_000i64);
    let secrets = [
        "Grace-FIRSTNAME",
        "Hopper-LASTNAME",
        "grace.hopper@secret.example",
    ];
    let visible = [
        "uK1fyVnQRb2xVJXiKF7gEq",
        "Enabled",
        "SuperUser",
        "role/FinSpaceApi",
        "1635768000000",
    ];
    assert_redacted(&user, &secrets, &visible);
    let built: User = user.build();
    assert_redacted(&built, &secrets, &visible);
    // The data is still there for the program to use; only `Debug` hides it.
    assert_eq!(built.first_name(), Some("Grace-FIRSTNAME"));
    // A list of users is redacted item by item.
    let list = finspace_data::types::ListUsersResponse::builder()
        .users(built)
        .next_token("tok-1")
        .build();
    assert_redacted(&list, &secrets, &["uK1fyVnQRb2xVJXiKF7gEq", "tok-1"]);
}

#[test]
fn credentials_structures_redact_every_member() {
    let creds: CredentialsBuilder = Credentials::builder()
        .access_key_id("ASIAEXAMPLEACCESSKEY")
        .secret_access_key("wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY")
        .session_token("FwoGZXIvYXdzEXAMPLESESSIONTOKEN");
    let secrets = [
        "ASIAEXAMPLEACCESSKEY",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY",
        "FwoGZXIvYXdzEXAMPLESESSIONTOKEN",
    ];
    assert_redacted(&creds, &secrets, &[]);
    let creds: Credentials = creds.build();
    assert_redacted(&creds, &secrets, &[]);

    let response: GetProgrammaticAccessCredentialsResponseBuilder =
        GetProgrammaticAccessCredentialsResponse::builder()
            .credentials(creds)
            .duration_in_minutes(60i64);
    assert_redacted(&response, &secrets, &["duration_in_minutes", "60"]);
    assert_redacted(&response.build(), &secrets, &["duration_in_minutes", "60"]);

    let aws: AwsCredentialsBuilder = AwsCredentials::builder()
        .access_key_id("ASIAOTHEREXAMPLEKEY")
        .secret_access_key("SECRET/ACCESS/KEY/VALUE")
        .session_token("SESSION-TOKEN-VALUE")
        .expiration(1_799_999_999_123i64);
    let aws_secrets = [
        "ASIAOTHEREXAMPLEKEY",
        "SECRET/ACCESS/KEY/VALUE",
        "SESSION-TOKEN-VALUE",
        "1799999999123",
    ];
    assert_redacted(&aws, &aws_secrets, &[]);
    let aws: AwsCredentials = aws.build();
    assert_redacted(&aws, &aws_secrets, &[]);

    let details = GetExternalDataViewAccessDetailsResponse::builder()
        .credentials(aws)
        .s3_location(
            S3Location::builder()
                .bucket("finspace-export-bucket")
                .key("views/dv-1/")
                .build(),
        )
        .build();
    assert_redacted(
        &details,
        &aws_secrets,
        &["finspace-export-bucket", "views/dv-1/"],
    );
}

#[test]
fn requests_and_responses_with_sensitive_members() {
    let create: CreateUserRequestBuilder = CreateUserRequest::builder()
        .email_address("new.user@secret.example")
        .r#type(UserType::AppUser)
        .first_name("Alan-FIRST")
        .last_name("Turing-LAST")
        .client_token("idem-123e4567-e89b-12d3-a456-426614174000");
    let secrets = ["new.user@secret.example", "Alan-FIRST", "Turing-LAST"];
    let visible = ["AppUser", "idem-123e4567-e89b-12d3-a456-426614174000"];
    assert_redacted(&create, &secrets, &visible);
    assert_redacted(&create.build(), &secrets, &visible);

    let reset: ResetUserPasswordResponseBuilder = ResetUserPasswordResponse::builder()
        .user_id("uK1fyVnQRb2xVJXiKF7gEq")
        .temporary_password("Tmp-P@ssw0rd-hunter2");
    assert_redacted(
        &reset,
        &["Tmp-P@ssw0rd-hunter2"],
        &["uK1fyVnQRb2xVJXiKF7gEq"],
    );
    assert_redacted(
        &reset.build(),
        &["Tmp-P@ssw0rd-hunter2"],
        &["uK1fyVnQRb2xVJXiKF7gEq"],
    );

    let group: CreatePermissionGroupRequestBuilder = CreatePermissionGroupRequest::builder()
        .name("Secret-Group-Name")
        .description("Secret group description")
        .application_permissions(ApplicationPermission::ManageClusters)
        .client_token("idem-group-1");
    let group_secrets = ["Secret-Group-Name", "Secret group description"];
    assert_redacted(&group, &group_secrets, &["ManageClusters", "idem-group-1"]);
    assert_redacted(
        &group.build(),
        &group_secrets,
        &["ManageClusters", "idem-group-1"],
    );

    let pg = PermissionGroup::builder()
        .permission_group_id("pg-visible-id")
        .name("Secret-Group-Name")
        .description("Secret group description")
        .build();
    assert_redacted(&pg, &group_secrets, &["pg-visible-id"]);

    let update = UpdateUserRequest::builder()
        .user_id("u-visible")
        .first_name("Changed-FIRST")
        .build();
    assert_redacted(&update, &["Changed-FIRST"], &["u-visible"]);

    let owner = DatasetOwnerInfo::builder()
        .name("Market Data Team")
        .phone_number("+1-212-555-0100")
        .email("owner@secret.example")
        .build();
    assert_redacted(
        &owner,
        &["owner@secret.example"],
        &["Market Data Team", "+1-212-555-0100"],
    );
    let dataset = finspace_data::types::Dataset::builder()
        .dataset_id("ds-visible")
        .owner_info(owner)
        .build();
    assert_redacted(
        &dataset,
        &["owner@secret.example"],
        &["ds-visible", "Market Data Team"],
    );
}

#[test]
fn unset_sensitive_members_still_print_only_the_marker() {
    let text = format!("{:?}", User::builder().user_id("u-1").build());
    assert!(text.contains("u-1"), "{text}");
    assert!(has_marker(&text), "{text}");
}

/// Builds, from the model, a JSON body with a recognisable value in every body member, and
/// records which of those values are sensitive (under a sensitive shape or member) and which
/// are not.
struct Sampler<'a> {
    shapes: &'a Map<String, Value>,
    secrets: Vec<String>,
    visible: Vec<String>,
    next_number: u64,
}

impl<'a> Sampler<'a> {
    fn new(shapes: &'a Map<String, Value>) -> Self {
        Sampler {
            shapes,
            secrets: Vec::new(),
            visible: Vec::new(),
            next_number: 0,
        }
    }

    fn string(&mut self, path: &str, sensitive: bool) -> String {
        let value = if sensitive {
            format!("SECRET@{path}")
        } else {
            format!("shown@{path}")
        };
        if sensitive {
            &mut self.secrets
        } else {
            &mut self.visible
        }
        .push(value.clone());
        value
    }

    fn value(&mut self, shape: &str, path: &str, sensitive: bool, depth: usize) -> Value {
        let def = &self.shapes[shape];
        let sensitive = sensitive || def["sensitive"] == json!(true);
        match def["type"].as_str().expect("shape type") {
            "string" => match def.get("enum").and_then(Value::as_array) {
                Some(values) => values[0].clone(),
                None => Value::String(self.string(path, sensitive)),
            },
            "integer" | "long" => {
                if sensitive {
                    self.next_number += 1;
                    let n = 9_876_543_000 + self.next_number;
                    self.secrets.push(n.to_string());
                    json!(n)
                } else {
                    json!(7)
                }
            }
            "boolean" => json!(true),
            "list" => {
                let member = def["member"]["shape"].as_str().expect("list member");
                json!([self.value(member, &format!("{path}[0]"), sensitive, depth + 1)])
            }
            "map" => {
                let key_shape = def["key"]["shape"].as_str().expect("map key");
                let key = match self.value(key_shape, &format!("{path}.key"), sensitive, depth + 1)
                {
                    Value::String(k) => k,
                    other => panic!("map key of {shape} is not a string: {other}"),
                };
                let value_shape = def["value"]["shape"].as_str().expect("map value");
                let value = self.value(value_shape, &format!("{path}.value"), sensitive, depth + 1);
                let mut map = Map::new();
                map.insert(key, value);
                Value::Object(map)
            }
            "structure" => {
                let mut object = Map::new();
                if depth > 8 {
                    return Value::Object(object);
                }
                let members = def["members"].as_object().expect("members");
                for (name, member) in members {
                    // URI, query, header and status-code members are not part of a JSON body.
                    if member.get("location").is_some() {
                        continue;
                    }
                    let wire = member
                        .get("locationName")
                        .and_then(Value::as_str)
                        .unwrap_or(name);
                    let target = member["shape"].as_str().expect("member shape");
                    let member_sensitive = sensitive || member["sensitive"] == json!(true);
                    let value = self.value(
                        target,
                        &format!("{path}.{name}"),
                        member_sensitive,
                        depth + 1,
                    );
                    object.insert(wire.to_owned(), value);
                }
                Value::Object(object)
            }
            other => panic!("shape {shape} has type {other}, which this test does not sample"),
        }
    }
}

/// Whether a value of `shape` can hold sensitive data (through structures, lists and maps).
fn reaches_sensitive(
    shapes: &Map<String, Value>,
    shape: &str,
    seen: &mut BTreeSet<String>,
) -> bool {
    let def = &shapes[shape];
    if def["sensitive"] == json!(true) {
        return true;
    }
    if !seen.insert(shape.to_owned()) {
        return false;
    }
    let targets: Vec<&str> = match def["type"].as_str() {
        Some("structure") => def["members"]
            .as_object()
            .expect("members")
            .values()
            .filter(|m| m.get("location").is_none())
            .map(|m| m["shape"].as_str().expect("member shape"))
            .collect(),
        Some("list") => vec![def["member"]["shape"].as_str().expect("list member")],
        Some("map") => vec![
            def["key"]["shape"].as_str().expect("map key"),
            def["value"]["shape"].as_str().expect("map value"),
        ],
        _ => Vec::new(),
    };
    targets
        .into_iter()
        .any(|t| reaches_sensitive(shapes, t, seen))
}

/// Checks one generated structure against its model shape; returns whether it redacted anything.
fn check_structure<T>(shapes: &Map<String, Value>, shape: &str) -> bool
where
    T: DeserializeOwned + Serialize + Debug,
{
    let mut sampler = Sampler::new(shapes);
    let body = sampler.value(shape, shape, false, 0);
    let value: T = serde_json::from_value(body.clone())
        .unwrap_or_else(|e| panic!("{shape}: deserialize {body}: {e}"));
    // The sample really reached the value (so the checks below are not vacuous).
    let wire = serde_json::to_string(&value).expect("serialize");
    for s in sampler.secrets.iter().chain(&sampler.visible) {
        assert!(
            wire.contains(s.as_str()),
            "{shape}: {s:?} was lost in deserialization"
        );
    }
    let should_redact = reaches_sensitive(shapes, shape, &mut BTreeSet::new());
    for text in [format!("{value:?}"), format!("{value:#?}")] {
        for s in &sampler.secrets {
            assert!(
                !text.contains(s.as_str()),
                "{shape}: Debug leaks {s:?}:\n{text}"
            );
        }
        for v in &sampler.visible {
            assert!(
                text.contains(v.as_str()),
                "{shape}: Debug hides the non-sensitive {v:?}:\n{text}"
            );
        }
        assert_eq!(
            has_marker(&text),
            should_redact,
            "{shape}: redaction marker present = {}:\n{text}",
            has_marker(&text)
        );
    }
    if should_redact {
        assert!(
            !sampler.secrets.is_empty(),
            "{shape}: holds sensitive data but no secret was sampled"
        );
    }
    should_redact
}

/// Every structure of the model, deserialized from a body with a value in every member: its
/// `Debug` hides exactly the sensitive values and shows all the others.
#[test]
fn every_structure_redacts_exactly_the_sensitive_values() {
    let model = tests::finspace_model_json();
    let shapes = shapes(&model);
    let by_type: BTreeMap<String, &str> = shapes
        .iter()
        .filter(|(_, s)| s["type"] == json!("structure"))
        .map(|(name, _)| (codegen::naming::type_name(name), name.as_str()))
        .collect();

    let mut results: BTreeMap<&str, bool> = BTreeMap::new();
    macro_rules! check {
        (@one $name:expr, $ty:ty) => {{
            let name: &'static str = $name;
            let shape = by_type.get(name).unwrap_or_else(|| panic!("{name} is not a structure of the model"));
            results.insert(name, check_structure::<$ty>(shapes, shape));
        }};
        (types: $($ty:ident),* $(,)?) => {$( check!(@one stringify!($ty), finspace_data::types::$ty); )*};
        (errors: $($ty:ident),* $(,)?) => {$( check!(@one stringify!($ty), finspace_data::types::error::$ty); )*};
    }
    check!(types:
        AssociateUserToPermissionGroupRequest, AssociateUserToPermissionGroupResponse, AwsCredentials,
        ChangesetErrorInfo, ChangesetSummary, ColumnDefinition, CreateChangesetRequest,
        CreateChangesetResponse, CreateDataViewRequest, CreateDataViewResponse, CreateDatasetRequest,
        CreateDatasetResponse, CreatePermissionGroupRequest, CreatePermissionGroupResponse,
        CreateUserRequest, CreateUserResponse, Credentials, DataViewDestinationTypeParams,
        DataViewErrorInfo, DataViewSummary, Dataset, DatasetOwnerInfo, DeleteDatasetRequest,
        DeleteDatasetResponse, DeletePermissionGroupRequest, DeletePermissionGroupResponse,
        DisableUserRequest, DisableUserResponse, DisassociateUserFromPermissionGroupRequest,
        DisassociateUserFromPermissionGroupResponse, EnableUserRequest, EnableUserResponse,
        GetChangesetRequest, GetChangesetResponse, GetDataViewRequest, GetDataViewResponse,
        GetDatasetRequest, GetDatasetResponse, GetExternalDataViewAccessDetailsRequest,
        GetExternalDataViewAccessDetailsResponse, GetPermissionGroupRequest, GetPermissionGroupResponse,
        GetProgrammaticAccessCredentialsRequest, GetProgrammaticAccessCredentialsResponse,
        GetUserRequest, GetUserResponse, GetWorkingLocationRequest, GetWorkingLocationResponse,
        ListChangesetsRequest, ListChangesetsResponse, ListDataViewsRequest, ListDataViewsResponse,
        ListDatasetsRequest, ListDatasetsResponse, ListPermissionGroupsByUserRequest,
        ListPermissionGroupsByUserResponse, ListPermissionGroupsRequest, ListPermissionGroupsResponse,
        ListUsersByPermissionGroupRequest, ListUsersByPermissionGroupResponse, ListUsersRequest,
        ListUsersResponse, PermissionGroup, PermissionGroupByUser, PermissionGroupParams,
        ResetUserPasswordRequest, ResetUserPasswordResponse, ResourcePermission, S3Location,
        SchemaDefinition, SchemaUnion, UpdateChangesetRequest, UpdateChangesetResponse,
        UpdateDatasetRequest, UpdateDatasetResponse, UpdatePermissionGroupRequest,
        UpdatePermissionGroupResponse, UpdateUserRequest, UpdateUserResponse, User,
        UserByPermissionGroup,
    );
    check!(errors:
        AccessDeniedException, ConflictException, InternalServerException, LimitExceededException,
        ResourceNotFoundException, ThrottlingException, ValidationException,
    );

    let checked: BTreeSet<&str> = results.keys().copied().collect();
    let expected: BTreeSet<&str> = by_type.keys().map(String::as_str).collect();
    assert_eq!(
        checked, expected,
        "the checked list is not the model's structures"
    );
    let redacting = results.values().filter(|&&r| r).count();
    // Computed from the model: the structures that can hold one of the 10 sensitive shapes.
    let expected_redacting = by_type
        .values()
        .filter(|shape| reaches_sensitive(shapes, shape, &mut BTreeSet::new()))
        .count();
    assert_eq!(redacting, expected_redacting);
    assert!(redacting > 0);
}
