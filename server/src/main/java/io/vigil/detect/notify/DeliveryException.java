package io.vigil.detect.notify;

/** A message a channel did not take: the reason is what admins read on the channel. */
public class DeliveryException extends Exception {

    DeliveryException(String reason) {
        super(reason);
    }

    DeliveryException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
