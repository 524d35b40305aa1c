package org.ehiaccess.ui.client.intake;

import java.util.List;

/** One page of the request log and the cursor of the next page (null on the last page). */
public record LogPage(List<RequestRecord> requests, String nextCursor) {
}
