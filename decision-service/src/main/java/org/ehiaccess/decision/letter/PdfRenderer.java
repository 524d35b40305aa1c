package org.ehiaccess.decision.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/** Prints a letter's XHTML to PDF (openhtmltopdf on Apache PDFBox), in the standard PDF fonts. */
@ApplicationScoped
public class PdfRenderer {

    static {
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new PdfLog());
    }

    public byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot print the letter to PDF", e);
        }
        return out.toByteArray();
    }
}
