import LagoaObjectStore
@testable import LagoaObjectStoreS3
import LagoaTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct S3ConfigurationTests {
    @Test func environmentVariables() throws {
        let configuration = try S3Configuration.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "token",
            "AWS_DEFAULT_REGION": "eu-west-1", "AWS_ENDPOINT_URL": "http://localhost:5000", "HOME": "/nonexistent",
        ])
        #expect(configuration.credentials == S3Credentials(accessKeyID: "AKIDENV", secretAccessKey: "secret", sessionToken: "token"))
        #expect(configuration.region == "eu-west-1")
        #expect(configuration.endpoint?.description == "http://localhost:5000")
        #expect(configuration.addressingStyle == .path)
        #expect(configuration.partSize == 8 * 1024 * 1024)
        #expect(configuration.partConcurrency == 4)
    }

    @Test func specificVariablesWin() throws {
        let configuration = try S3Configuration.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "S", "AWS_REGION": "us-west-2", "AWS_DEFAULT_REGION": "eu-west-1",
            "AWS_ENDPOINT_URL_S3": "https://s3.internal:9443", "AWS_ENDPOINT_URL": "http://other", "HOME": "/nonexistent",
        ])
        #expect(configuration.region == "us-west-2")
        #expect(configuration.endpoint == (try S3Endpoint("https://s3.internal:9443")))
        let aws = try S3Configuration.fromEnvironment(["AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "S", "HOME": "/nonexistent"])
        #expect(aws.region == "us-east-1")
        #expect(aws.endpoint == nil)
        #expect(aws.addressingStyle == .virtualHosted)
    }

    @Test func profilesFromTheSharedFiles() throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-aws")
        defer { TestPaths.remove(folder) }
        try write(folder + "/credentials", """
            # comment
            [default]
            aws_access_key_id = AKIDDEFAULT
            aws_secret_access_key = defaultsecret

            [lake]
            aws_access_key_id=AKIDLAKE
            aws_secret_access_key = lake/secret+=
            aws_session_token = lake-token
            """)
        try write(folder + "/config", """
            [default]
            region = ap-south-1
            [profile lake]
            region = eu-north-1
            endpoint_url = http://127.0.0.1:7480
            s3 =
              addressing_style = virtual
            """)
        let files = ["AWS_SHARED_CREDENTIALS_FILE": folder + "/credentials", "AWS_CONFIG_FILE": folder + "/config"]
        let byDefault = try S3Configuration.fromEnvironment(files)
        #expect(byDefault.credentials?.accessKeyID == "AKIDDEFAULT")
        #expect(byDefault.region == "ap-south-1")

        let lake = try S3Configuration.fromEnvironment(files.merging(["AWS_PROFILE": "lake"]) { $1 })
        #expect(lake.credentials == S3Credentials(accessKeyID: "AKIDLAKE", secretAccessKey: "lake/secret+=", sessionToken: "lake-token"))
        #expect(lake.region == "eu-north-1")
        #expect(lake.endpoint?.description == "http://127.0.0.1:7480")
        #expect(lake.addressingStyle == .virtualHosted)

        // An explicit profile beats the environment's keys.
        let explicit = try S3Configuration.fromEnvironment(files.merging(["AWS_ACCESS_KEY_ID": "ENV", "AWS_SECRET_ACCESS_KEY": "ENV"]) { $1 }, profile: "lake")
        #expect(explicit.credentials?.accessKeyID == "AKIDLAKE")
        let fromEnv = try S3Configuration.fromEnvironment(files.merging(["AWS_ACCESS_KEY_ID": "ENV", "AWS_SECRET_ACCESS_KEY": "ENV"]) { $1 })
        #expect(fromEnv.credentials?.accessKeyID == "ENV")
    }

    @Test func missingCredentialsSayWhereLagoaLooked() {
        #expect {
            _ = try S3Configuration.fromEnvironment(["HOME": "/nonexistent"], profile: "prod")
        } throws: { error in
            (error as? ObjectStoreError)?.message
                == "no AWS credentials found: profile 'prod' has no aws_access_key_id and aws_secret_access_key in /nonexistent/.aws/credentials or /nonexistent/.aws/config; set the variables or add the profile"
        }
    }

    @Test func partSizeHasAFloor() {
        var configuration = S3Configuration(credentials: nil, partSize: 1024, partConcurrency: 0)
        #expect(configuration.partSize == 5 * 1024 * 1024)
        #expect(configuration.partConcurrency == 1)
        configuration.partSize = 6 * 1024 * 1024
        #expect(configuration.partSize == 6 * 1024 * 1024)
    }

    @Test(arguments: [
        ("s3://lake", "lake", ""),
        ("s3://lake/", "lake", ""),
        ("s3://lake/warehouse/sales/", "lake", "warehouse/sales"),
        ("s3a://my.bucket-1/a b/é", "my.bucket-1", "a b/é"),
    ])
    func locations(_ url: String, _ bucket: String, _ prefix: String) throws {
        let location = try S3Location(url: url)
        #expect(location.bucket == bucket)
        #expect(location.prefix == prefix)
    }

    @Test(arguments: [
        ("https://lake/x", "'https://lake/x' is not an S3 URL; expected s3://bucket/prefix"),
        ("s3://", "'s3://' has no bucket name; expected s3://bucket/prefix"),
        ("s3://Lake/x", "'s3://Lake/x' has an invalid bucket name 'Lake': only lower-case letters, digits, '.' and '-' are allowed"),
        ("s3://ab", "'s3://ab' has an invalid bucket name 'ab': it must be 3 to 63 characters long"),
        ("s3://-lake", "'s3://-lake' has an invalid bucket name '-lake': it must start and end with a letter or digit"),
        ("s3://lake/a//b", "'s3://lake/a//b' has an invalid key prefix: object key 'a//b' has an empty segment (a leading, trailing or doubled '/')"),
    ])
    func badLocations(_ url: String, _ message: String) {
        #expect {
            _ = try S3Location(url: url)
        } throws: { error in
            (error as? ObjectStoreError)?.message == message && (error as? ObjectStoreError)?.code == .invalidArgument
        }
    }

    @Test(arguments: [
        ("ftp://x", "S3 endpoint 'ftp://x' has scheme 'ftp', not http or https; expected e.g. http://127.0.0.1:5000 or https://s3.example.com"),
        ("localhost:9000", "S3 endpoint 'localhost:9000' has no scheme; expected e.g. http://127.0.0.1:5000 or https://s3.example.com"),
        ("http://host:99999", "S3 endpoint 'http://host:99999' has an invalid port; expected e.g. http://127.0.0.1:5000 or https://s3.example.com"),
        ("http://host/path", "S3 endpoint 'http://host/path' has a path or query; give only scheme, host and port; expected e.g. http://127.0.0.1:5000 or https://s3.example.com"),
    ])
    func badEndpoints(_ url: String, _ message: String) {
        #expect {
            _ = try S3Endpoint(url)
        } throws: { error in
            (error as? ObjectStoreError)?.message == message
        }
    }

    private func write(_ path: String, _ text: String) throws {
        guard let file = fopen(path, "w") else { throw ContractViolation("cannot write \(path)") }
        fputs(text, file)
        fclose(file)
    }
}
