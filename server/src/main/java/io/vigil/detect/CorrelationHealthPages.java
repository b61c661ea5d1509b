package io.vigil.detect;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.vigil.access.Permission;
import io.vigil.detect.rules.RuleService;
import io.vigil.detect.sigma.SigmaCorrelation;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;

/**
 * A correlation rule's health (is it running, how far it is evaluated, what it holds, what came late or
 * without a group value): a panel of its rule page; {@link CorrelationHealthResource} gives the same to
 * programs.
 */
@Path("/rules/{id}/health")
@Blocking
public class CorrelationHealthPages {

    private static final SigmaParser PARSER = new SigmaParser();

    private final RuleService rules;
    private final Correlator correlator;
    private final CorrelationHealth health;

    CorrelationHealthPages(RuleService rules, Correlator correlator, CorrelationHealth health) {
        this.rules = rules;
        this.correlator = correlator;
        this.health = health;
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance health(CorrelationHealth.View health);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @PermissionsAllowed(Permission.Names.RULES_READ)
    public TemplateInstance panel(@PathParam("id") String id) {
        return Templates.health(view(id));
    }

    CorrelationHealth.View view(String id) {
        String yaml = rules.correlationYaml(id).orElseThrow(() -> new NotFoundException("no correlation rule " + id));
        if (!(PARSER.parseOne(yaml) instanceof SigmaResult.Correlation c)) {
            throw new NotFoundException("correlation rule " + id + " no longer compiles");
        }
        SigmaCorrelation rule = c.correlation();
        return health.of(id, correlator.notInForce(id), rule.rising(), rule.timespan(), correlator.waitingBatches());
    }
}
