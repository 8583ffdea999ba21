package org.okrpm.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.stork.api.config.ConfigWithType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplicaDiscoveryTest {

    private static final Duration REFRESH = Duration.ofSeconds(10);

    @Test
    void oneUrlIsAListOfOne() {
        ConfigWithType discovery = discovery("http://okr-service:8081");
        assertEquals("static", discovery.type());
        assertEquals("okr-service:8081", discovery.parameters().get("address-list"));
        assertEquals("false", discovery.parameters().get("secure"));
    }

    @Test
    void aCommaSeparatedListNamesEveryReplicaWithItsPortAndPath() {
        ConfigWithType discovery = discovery(" http://okr-1:8081, http://okr-2 ,http://10.0.0.7:9000/okr/ ");
        assertEquals("okr-1:8081,okr-2:80,10.0.0.7:9000/okr", discovery.parameters().get("address-list"));
    }

    @Test
    void httpsReplicasAreReachedWithTls() {
        ConfigWithType discovery = discovery("https://okr-1,https://okr-2:8443");
        assertEquals("okr-1:443,okr-2:8443", discovery.parameters().get("address-list"));
        assertEquals("true", discovery.parameters().get("secure"));
    }

    @Test
    void aDnsNameIsLookedUpForItsAddresses() {
        ConfigWithType discovery = discovery("dns://okr-service.okrpm.svc.cluster.local:8081");
        assertEquals("dns", discovery.type());
        assertEquals("okr-service.okrpm.svc.cluster.local", discovery.parameters().get("hostname"));
        assertEquals("8081", discovery.parameters().get("port"));
        assertEquals("A", discovery.parameters().get("record-type"));
        assertEquals("10", discovery.parameters().get("refresh-period"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "okr-1:8081", "ftp://okr-1", "http://okr-1,https://okr-2", "dns://okr-service",
            "dns://okr-1:8081,dns://okr-2:8081", "http://okr-1,,http://okr-2"})
    void anythingElseStopsTheGatewayNamingTheSetting(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplicaDiscovery.of(Owner.OKR, value, REFRESH));
        assertTrue(e.getMessage().startsWith("okrpm.gateway.upstream.okr="), e.getMessage());
    }

    private static ConfigWithType discovery(String value) {
        ReplicaDiscovery replicas = ReplicaDiscovery.of(Owner.OKR, value, REFRESH);
        assertEquals("okr-service", replicas.serviceName());
        assertEquals("round-robin", replicas.definition().getLoadBalancer().type());
        return replicas.definition().getServiceDiscovery();
    }
}
