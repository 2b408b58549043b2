package dev.smki.recovery.plan;

import dev.smki.core.identity.DeviceType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads the {@code fleet} section of a plan: the simulated Devices and the failures injected.
 * Each problem is reported to the {@link PlanReader} with where it is.
 */
final class FleetSection {

    private FleetSection() {}

    static FleetPlan fleet(PlanReader r, PlanNode map, ExercisePlan base) {
        r.known(map, "devices", "mix", "commissioned", "uncontactable", "busy", "retries");
        FleetPlan b = base == null ? null : base.fleet();
        Integer devices = r.parsed(map, "devices", b == null ? null : b.devices(), "a whole number", Integer::parseInt);
        Map<DeviceType, Integer> mix = b == null ? null : b.mix();
        PlanNode mixAt = map.fields.get("mix");
        if (mixAt != null) {
            mix = new EnumMap<>(DeviceType.class);
            if (!mixAt.isMap()) {
                r.problem(mixAt, "mix is a map of Device type to thousandths, such as ESME: 380");
            } else {
                for (Map.Entry<String, PlanNode> e : mixAt.fields.entrySet()) {
                    try {
                        DeviceType type = PlanReader.enumOf(DeviceType.class, e.getKey());
                        mix.put(type, Integer.parseInt(e.getValue().text.trim()));
                    } catch (RuntimeException ex) {
                        r.problem(
                                mixAt.keys.get(e.getKey()),
                                "mix gives a Device type (" + PlanReader.planNames(DeviceType.class)
                                        + ") a whole number of thousandths; got " + e.getKey());
                    }
                }
            }
        } else if (b == null) {
            r.problem(map, "'mix' is missing");
        }
        Double commissioned = r.parsed(
                map, "commissioned", b == null ? null : b.commissioned(), "a share from 0 to 1", Double::parseDouble);
        Double uncontactable = r.parsed(
                map, "uncontactable", b == null ? null : b.uncontactable(), "a share from 0 to 1", Double::parseDouble);
        Double busy = r.parsed(map, "busy", b == null ? null : b.busy(), "a share from 0 to 0.95", Double::parseDouble);
        Integer retries = r.parsed(map, "retries", b == null ? null : b.retries(), "a whole number", Integer::parseInt);
        if (r.hasProblems()) {
            return null;
        }
        return new FleetPlan(devices, mix, commissioned, uncontactable, busy, retries);
    }
}
