package org.ehiaccess.ui.client.decision;

import java.util.List;
import org.ehiaccess.ui.client.Labeled;

/** The letters the clinic sends from a signed decision, and the ways a letter goes out. */
public enum LetterKind implements Labeled {
    denial("Denial"),
    partial_fulfilment("Partial fulfillment"),
    extension("Extension"),
    infeasibility("Infeasibility"),
    no_records("No records"),
    review_outcome("Notice of the review's outcome (164.524(d)(4))");

    private final String label;

    LetterKind(String label) {
        this.label = label;
    }

    @Override
    public String wire() {
        return name();
    }

    @Override
    public String label() {
        return label;
    }

    public static String labelOf(String wire) {
        for (LetterKind kind : values()) {
            if (kind.name().equals(wire)) {
                return kind.label;
            }
        }
        return wire == null ? "" : wire.replace('_', ' ');
    }

    /** How a letter is sent: the API's {@code channel}. */
    public record SendChannel(String wire, String label) {
    }

    public static final List<SendChannel> CHANNELS = List.of(new SendChannel("mail", "Mail"),
            new SendChannel("email", "Email"), new SendChannel("portal", "Patient portal"),
            new SendChannel("fax", "Fax"), new SendChannel("in_person", "In person"));

    public static String channelLabel(String wire) {
        return CHANNELS.stream().filter(c -> c.wire().equals(wire)).map(SendChannel::label).findFirst()
                .orElse(wire == null ? "" : wire);
    }
}
