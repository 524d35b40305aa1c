package org.ehiaccess.decision.letter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ehiaccess.decision.letter.LetterGrounds.Basis;

/**
 * Everything a letter says, from the signed decision, the clinic's letter settings and the person who generates it.
 * {@link #model()} is the data model the clinic's Qute template sees (documented in the README and at
 * {@code GET /api/v1/letter-templates/data-model}); {@link RequiredContent} reads the same values.
 */
public record LetterData(LetterKind kind, LocalDate letterDate, UUID requestId, LocalDate receivedOn,
        String recipientName, String recipientAddress, String clinicName, String clinicAddress, String contactName,
        String contactTitle, String contactPhone, String contactEmail, int decisionVersion, String verdict,
        String verdictText, List<Exception> exceptions, List<Basis> reasons, boolean reviewable, String signedBy,
        LocalDate signedOn, String ruleset, String note, String extensionReasons, LocalDate actionBy,
        String recordsHeldBy) {

    /** A Part 171 exception the decision rests on. */
    public record Exception(String id, String name) {
    }

    public static final String HHS_NAME = "U.S. Department of Health and Human Services, Office for Civil Rights";
    public static final String HHS_URL = "https://www.hhs.gov/ocr/complaints";
    public static final String HHS_PHONE = "1-800-368-1019";

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    public LetterData {
        exceptions = List.copyOf(exceptions);
        reasons = List.copyOf(reasons);
    }

    /** A short reference the requester can quote: REQ- and the first 8 characters of the request id. */
    public String reference() {
        return "REQ-" + requestId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    public static String format(LocalDate date) {
        return date == null ? "" : LONG_DATE.format(date);
    }

    /** "Jane Doe (Privacy Officer)", "our Privacy Officer" or "Jane Doe". */
    public String contactDisplay() {
        boolean name = present(contactName);
        boolean title = present(contactTitle);
        if (name && title) {
            return contactName + " (" + contactTitle + ")";
        }
        return name ? contactName : "our " + contactTitle;
    }

    public String basisText() {
        return reasons.stream().map(Basis::text).collect(Collectors.joining(" "));
    }

    public String citations() {
        return reasons.stream().map(Basis::citation).distinct().collect(Collectors.joining("; "));
    }

    /** The Qute data model: nested maps of strings, booleans and lists (never null: empty text instead). */
    public Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("letter", map("kind", kind.name(), "title", kind.label, "date", format(letterDate)));
        model.put("request", map("id", requestId.toString(), "reference", reference(), "receivedOn", format(receivedOn),
                "hasReceivedOn", receivedOn != null));
        model.put("recipient", map("name", text(recipientName), "address", text(recipientAddress)));
        model.put("clinic", map("name", text(clinicName), "address", text(clinicAddress), "phone", text(contactPhone)));
        model.put("contact", map("name", text(contactName), "title", text(contactTitle), "phone", text(contactPhone),
                "email", text(contactEmail), "display", contactDisplay()));
        model.put("decision", map("version", decisionVersion, "verdict", verdict, "verdictText", verdictText,
                "basis", basisText(), "citation", citations(), "reviewable", reviewable,
                "exceptions", exceptions.stream().map(e -> map("id", e.id(), "name", e.name())).toList(),
                "signedBy", text(signedBy), "signedOn", format(signedOn), "ruleset", ruleset));
        model.put("review", map("available", reviewable, "howToAsk", reviewable ? RequiredContent.howToAskForReview(this) : ""));
        model.put("complaint", map("clinic", RequiredContent.complainToClinic(this), "hhs", RequiredContent.complainToHhs()));
        model.put("hhs", map("name", HHS_NAME, "url", HHS_URL, "phone", HHS_PHONE));
        model.put("extension", map("reasons", text(extensionReasons), "actionBy", format(actionBy)));
        model.put("records", map("whereToSend", text(recordsHeldBy)));
        model.put("note", text(note));
        return model;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }
}
