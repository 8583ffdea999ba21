package org.okrpm.okr.pace;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The thresholds of the pace status and the forecast's window (docs/api.md, Pace), e.g. okrpm.pace.at-risk-gap. */
@ConfigMapping(prefix = "okrpm.pace")
public interface PaceConfig {

    /** Behind the expected progress by at least this much: AT_RISK. */
    @WithDefault("0.1")
    double atRiskGap();

    /** Behind the expected progress by at least this much: OFF_TRACK. */
    @WithDefault("0.25")
    double offTrackGap();

    /** A latest confidence below this: at least AT_RISK. */
    @WithDefault("0.5")
    double atRiskConfidence();

    /** A latest confidence below this: OFF_TRACK. */
    @WithDefault("0.25")
    double offTrackConfidence();

    /** How far back the forecast looks for the velocity. */
    @WithDefault("14d")
    Duration forecastWindow();

    default PaceCalculator.Thresholds thresholds() {
        return new PaceCalculator.Thresholds(atRiskGap(), offTrackGap(), atRiskConfidence(), offTrackConfidence());
    }
}
