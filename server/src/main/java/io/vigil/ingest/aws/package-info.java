/**
 * Files from Amazon S3 announced on SQS: CloudTrail (and VPC flow log) files land in a bucket, the
 * bucket's event notifications go to a queue (directly or through SNS), and Vigil reads each
 * announced object into the source the queue is configured for. A message is deleted only once its
 * objects' events are durable; until then it comes back, and after the queue's maximum receive
 * count SQS moves it to the dead-letter queue.
 */
package io.vigil.ingest.aws;
