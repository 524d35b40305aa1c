package org.ehiaccess.decision.letter;

import java.util.logging.Level;

import org.jboss.logging.Logger;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;

/**
 * openhtmltopdf's messages through the service's own logging, warnings and above only (its default prints timings to
 * the console). The letter's content is never part of these messages' arguments that we log: only the message text.
 */
final class PdfLog implements XRLogger {

    private static final Logger LOG = Logger.getLogger("com.openhtmltopdf");

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            LOG.errorf(th, "%s: %s", where, msg);
        } else if (level.intValue() >= Level.WARNING.intValue()) {
            LOG.warnf(th, "%s: %s", where, msg);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // the service's logging configuration decides
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return diagnostic.getLevel().intValue() >= Level.WARNING.intValue();
    }
}
