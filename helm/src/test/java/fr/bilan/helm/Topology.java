package fr.bilan.helm;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The chart's files/topology.yaml, the one source of who calls whom, on which channel and ports. */
final class Topology {

    private Topology() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) Chart.readYaml(Chart.DIR.resolve("files").resolve("topology.yaml"))
                .get("services");
    }

    @SuppressWarnings("unchecked")
    static Set<String> calls(String component) {
        return new LinkedHashSet<>((List<String>) services().get(component).get("calls"));
    }

    static String channel(String component) {
        return (String) services().get(component).get("channel");
    }

    static Integer port(String component, String port) {
        return (Integer) services().get(component).get(port);
    }
}
