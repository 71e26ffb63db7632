package org.punchgate.admincli;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * SigV4 for the admin routes of a deployed stack (IAM-authorized in template.yaml): the AWS SDK's own signer, service
 * {@code execute-api}, credentials from the standard chain (environment, {@code --profile} or the default profile,
 * SSO, container, instance). The request is signed exactly as it is sent: method, URL, content type and body.
 */
final class SigV4Auth implements AdminAuth {

  static final String SERVICE = "execute-api";
  /** {@code https://<api-id>.execute-api.<region>.amazonaws.com[.cn]/...}: the region is in the host. */
  private static final Pattern EXECUTE_API_HOST = Pattern.compile("^[a-z0-9]+\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");

  private final Supplier<AwsCredentialsIdentity> credentials;
  private final Supplier<String> region;
  private final Clock clock;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  SigV4Auth(Supplier<AwsCredentialsIdentity> credentials, Supplier<String> region, Clock clock) {
    this.credentials = credentials;
    this.region = region;
    this.clock = clock;
  }

  /**
   * Credentials and region are looked up at the first request, not before: a command that never calls the admin
   * API needs neither. The region: {@code --region}, else the API's own host name, else the default chain
   * ({@code AWS_REGION}, the profile's region).
   */
  static SigV4Auth fromDefaultChain(String profile, String region, URI apiUrl) {
    var provider = profile == null ? DefaultCredentialsProvider.builder().build()
        : DefaultCredentialsProvider.builder().profileName(profile).build();
    Supplier<String> regionLookup = () -> Optional.ofNullable(region).or(() -> regionOf(apiUrl))
        .orElseGet(() -> (profile == null ? DefaultAwsRegionProviderChain.builder().build()
            : DefaultAwsRegionProviderChain.builder().profileName(profile).build()).getRegion().id());
    return new SigV4Auth(provider::resolveCredentials, regionLookup, Clock.systemUTC());
  }

  static Optional<String> regionOf(URI apiUrl) {
    String host = apiUrl.getHost();
    Matcher m = host == null ? null : EXECUTE_API_HOST.matcher(host.toLowerCase(Locale.ROOT));
    return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  @Override
  public Map<String, String> headers(String method, URI uri, String contentType, byte[] body) {
    var request = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    var signed = signer.sign(r -> r.identity(credentials.get())
        .request(request.build())
        .payload(ContentStreamProvider.fromByteArrayUnsafe(body == null ? new byte[0] : body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
        .putProperty(AwsV4HttpSigner.REGION_NAME, region.get())
        .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    Map<String, String> headers = new LinkedHashMap<>();
    // Host and Content-Type go out as the HTTP client writes them (the same values that were signed)
    signed.request().headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Type")) {
        headers.put(name, String.join(",", values));
      }
    });
    return headers;
  }
}
