package org.punchgate.admincli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * SigV4 as the CLI signs admin requests, pinned against signatures computed independently with botocore's
 * {@code SigV4Auth} (the AWS CLI's signer), for a fixed credential and clock. Obtained when this test was written with
 * python3 and botocore 1.43:
 * <pre>{@code
 * creds = Credentials('AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', 'session-token-example')
 * # datetime.datetime.now and utcnow patched in botocore.auth to 2026-12-03T16:30:00 (X-Amz-Date checked)
 * headers = {'Content-Type': 'application/json'} (PUT only)
 * headers['X-Amz-Content-Sha256'] = hashlib.sha256(body).hexdigest()   # the SDK signer sends and signs it
 * req = AWSRequest(method=..., url=..., data=body, headers=headers)
 * SigV4Auth(creds, 'execute-api', 'eu-central-1').add_auth(req); print(req.headers['Authorization'])
 * }</pre>
 */
class SigV4AuthTest {

  private static final Instant AT = Instant.parse("2026-12-03T16:30:00Z");
  private static final String API = "https://abc123defg.execute-api.eu-central-1.amazonaws.com/dev";

  private final SigV4Auth auth = new SigV4Auth(
      () -> AwsSessionCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token-example"),
      () -> "eu-central-1", Clock.fixed(AT, ZoneOffset.UTC));

  @Test
  void aGetIsSignedAsBotocoreSignsIt() {
    Map<String, String> headers = auth.headers("GET", URI.create(API + "/admin/connections"), null, new byte[0]);
    assertEquals("20261203T163000Z", headers.get("X-Amz-Date"));
    assertEquals("session-token-example", headers.get("X-Amz-Security-Token"));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", headers.get("x-amz-content-sha256"),
        "SHA-256 of the empty body");
    assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261203/eu-central-1/execute-api/aws4_request, "
        + "SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, "
        + "Signature=faaf8877256df6aaa7de9af3aeeeb9e36cdbac13b4b5de729161e811537789d8", headers.get("Authorization"));
  }

  @Test
  void aPutWithABodyAndAQuerySignsContentTypeAndBody() {
    byte[] body = "{\"id\":\"acme-srm\",\"version\":3}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = auth.headers("PUT", URI.create(API + "/admin/connections/acme-srm?x=1"),
        "application/json", body);
    assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261203/eu-central-1/execute-api/aws4_request, "
        + "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, "
        + "Signature=ca31434d040d69a241b61bbb5c2a442553ff186e34a791b0c2271f7651573a2a", headers.get("Authorization"));
    assertFalse(headers.containsKey("Host"), "the HTTP client writes Host itself (the JDK refuses to set it)");
  }

  @Test
  void anEncodedPathSegmentIsEncodedOnceMoreInTheCanonicalRequestAsBotocoreDoes() {
    // a user name with '@' travels as %40; botocore's canonical path for it reads anna%2540acme.example
    byte[] body = "{\"generate\":true}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = auth.headers("PUT", URI.create(API + "/admin/connections/acme-srm/users/"
        + AdminApi.segment("anna@acme.example")), "application/json", body);
    assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261203/eu-central-1/execute-api/aws4_request, "
        + "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, "
        + "Signature=ee064bd0090d87357b55eacaed591ba6e08931091e0839a50a6584c9f7c9bb9e", headers.get("Authorization"));
  }

  @Test
  void theRegionComesFromAnExecuteApiHostName() {
    assertEquals(Optional.of("eu-central-1"), SigV4Auth.regionOf(URI.create(API)));
    assertEquals(Optional.of("cn-north-1"), SigV4Auth.regionOf(URI.create("https://x1.execute-api.cn-north-1.amazonaws.com.cn/prod")));
    assertEquals(Optional.empty(), SigV4Auth.regionOf(URI.create("https://punchout.example.com")));
    assertEquals(Optional.empty(), SigV4Auth.regionOf(URI.create("http://localhost:3000")));
  }
}
