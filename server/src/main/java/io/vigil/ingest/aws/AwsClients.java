package io.vigil.ingest.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/** The S3 and SQS clients of one configured queue: region, endpoints and credentials as configured. */
record AwsClients(S3Client s3, SqsClient sqs) implements AutoCloseable {

    static AwsClients of(S3QueueConfig.Queue config) {
        Region region = Region.of(config.region());
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .socketTimeout(config.waitTime().plusSeconds(10)).build();
        AwsCredentialsProvider credentials = credentials(config, region, http);
        var s3 = S3Client.builder().region(region).credentialsProvider(credentials).httpClient(http);
        config.s3Endpoint().ifPresent(endpoint -> s3.endpointOverride(endpoint).forcePathStyle(true));
        var sqs = SqsClient.builder().region(region).credentialsProvider(credentials).httpClient(http);
        config.sqsEndpoint().ifPresent(sqs::endpointOverride);
        return new AwsClients(s3.build(), sqs.build());
    }

    private static AwsCredentialsProvider credentials(S3QueueConfig.Queue config, Region region, SdkHttpClient http) {
        AwsCredentialsProvider base = config.accessKeyId().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId().get(),
                        config.secretAccessKey().orElseThrow(() -> new IllegalArgumentException(
                                "vigil.aws.queues.*.access-key-id is set without secret-access-key"))))
                : DefaultCredentialsProvider.builder().build();
        if (config.roleArn().isEmpty()) {
            return base;
        }
        StsClient sts = StsClient.builder().region(region).credentialsProvider(base).httpClient(http).build();
        return StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(request -> request.roleArn(config.roleArn().get()).roleSessionName("vigil-ingest"))
                .build();
    }

    @Override
    public void close() {
        s3.close();
        sqs.close();
    }
}
