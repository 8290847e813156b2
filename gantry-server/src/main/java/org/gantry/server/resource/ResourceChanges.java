package org.gantry.server.resource;

import java.math.BigDecimal;
import java.util.List;

/**
 * Fields of a resource to change; null leaves a field as it is, {@code clear} empties the rates named in it
 * (standardRate, overtimeRate, costPerUse). {@code version} is the version last read and is required.
 * {@code materialLabel} is a material's unit (t, m3, licences); {@code tags} replace the resource's tags.
 */
public record ResourceChanges(
        String name,
        BigDecimal maxUnits,
        BigDecimal standardRate,
        BigDecimal overtimeRate,
        BigDecimal costPerUse,
        List<String> clear,
        Integer version,
        String materialLabel,
        List<String> tags) {

    public ResourceChanges(
            String name,
            BigDecimal maxUnits,
            BigDecimal standardRate,
            BigDecimal overtimeRate,
            BigDecimal costPerUse,
            List<String> clear,
            Integer version) {
        this(name, maxUnits, standardRate, overtimeRate, costPerUse, clear, version, null, null);
    }
}
