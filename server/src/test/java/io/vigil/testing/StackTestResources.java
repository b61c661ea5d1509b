package io.vigil.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the real stack for every {@code @QuarkusTest} of the module. */
@QuarkusTestResource(VigilStackResource.class)
public final class StackTestResources {

    private StackTestResources() {
    }
}
