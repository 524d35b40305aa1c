package org.ehiaccess.ui.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * reporting-service's answers as this ui reads them (consumer-owned: no shared DTO jar). Maps are keyed by the
 * codes intake-service uses; unknown fields are ignored.
 */
public final class ReportingFigures {

    private ReportingFigures() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rate(int requests, int denials, BigDecimal per100) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClockFigure(int onTime, int late, int open, BigDecimal share) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Days(int fulfilled, BigDecimal median, BigDecimal p90) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Documentation(int denials, int signedAnalysis, int letterSent, int signedWithLetterSent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Outlier(String requesterType, int requests, int denials, BigDecimal per100,
            BigDecimal overallPer100) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Quarter(String quarter, LocalDate from, LocalDate to, int requestsReceived, int denials,
            BigDecimal denialsPer100, BigDecimal medianDaysToFulfill) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dashboard(LocalDate from, LocalDate to, String zone, int requestsReceived,
            Map<String, Integer> byChannel, Map<String, Integer> byRequesterType, int denials,
            BigDecimal denialsPer100, Map<String, Integer> denialsByBasis, Map<String, Integer> denialsByException,
            Map<String, Rate> denialRateByRequesterType, Map<String, ClockFigure> clocks,
            BigDecimal medianDaysToFulfill, BigDecimal p90DaysToFulfill, Map<String, Days> daysToFulfillByRequesterType,
            BigDecimal signedAnalysisShare, Documentation denialDocumentation, int complaintsLogged,
            Map<String, Integer> complaintsByOutcome, int complaintsLinked, List<Quarter> trendByQuarter,
            String outlierRule, List<Outlier> outliers) {

        public Dashboard {
            byChannel = byChannel == null ? Map.of() : byChannel;
            byRequesterType = byRequesterType == null ? Map.of() : byRequesterType;
            denialsByBasis = denialsByBasis == null ? Map.of() : denialsByBasis;
            denialsByException = denialsByException == null ? Map.of() : denialsByException;
            denialRateByRequesterType = denialRateByRequesterType == null ? Map.of() : denialRateByRequesterType;
            clocks = clocks == null ? Map.of() : clocks;
            daysToFulfillByRequesterType = daysToFulfillByRequesterType == null ? Map.of()
                    : daysToFulfillByRequesterType;
            denialDocumentation = denialDocumentation == null ? new Documentation(0, 0, 0, 0) : denialDocumentation;
            complaintsByOutcome = complaintsByOutcome == null ? Map.of() : complaintsByOutcome;
            trendByQuarter = trendByQuarter == null ? List.of() : trendByQuarter;
            outliers = outliers == null ? List.of() : outliers;
        }
    }

    /** The ids, in order of receipt, of the requests behind one figure. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FigureRequests(String figure, LocalDate from, LocalDate to, int count, List<UUID> requestIds) {
        public FigureRequests {
            requestIds = requestIds == null ? List.of() : requestIds;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unlinked(UUID complaintId, LocalDate loggedOn, String status, String outcome) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unsigned(UUID requestId, List<UUID> complaintIds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reconciliation(List<Unlinked> complaintsWithoutRequest,
            List<Unsigned> requestsWithComplaintButNoSignedDecision) {
        public Reconciliation {
            complaintsWithoutRequest = complaintsWithoutRequest == null ? List.of() : complaintsWithoutRequest;
            requestsWithComplaintButNoSignedDecision = requestsWithComplaintButNoSignedDecision == null ? List.of()
                    : requestsWithComplaintButNoSignedDecision;
        }
    }
}
