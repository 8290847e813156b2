package org.gantry.server.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A status report (or a one-click report) as a PDF: the print template (templates/report/print.html, the page's sections without the
 * application around them) rendered by openhtmltopdf into real text, in DejaVu Sans embedded from the
 * classpath (fonts/), so the PDF looks the same on every machine and can be searched and copied. The
 * renderer may load nothing from outside: the report holds only escaped text, and a PDF job must never
 * reach the network.
 */
@Component
class StatusReportPdf {

    private static final String FONT = "DejaVu Sans";

    private final ITemplateEngine templates;

    StatusReportPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(StatusReport report) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("report", report);
        context.setVariable("snapshot", report.snapshot());
        context.setVariable("dashboard", report.snapshot().dashboard());
        // The sections draw the Gantt excerpt as boxes here: the renderer has no SVG drawer (no Batik).
        context.setVariable("print", true);
        return pdf(templates.process("report/print", context));
    }

    /** A one-click report (schedule, milestones, ...): its figures and table, landscape. */
    byte[] render(ProjectReport report) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("report", report);
        context.setVariable("cells", new ProjectReportCells());
        return pdf(templates.process("report/one-click-print", context));
    }

    private static byte[] pdf(String html) {
        // Thymeleaf writes HTML; the renderer wants a well-formed document: jsoup parses it into one.
        org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(
                    () -> StatusReportPdf.class.getResourceAsStream("/fonts/DejaVuSans.ttf"),
                    FONT,
                    400,
                    BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.useFont(
                    () -> StatusReportPdf.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"),
                    FONT,
                    700,
                    BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.useExternalResourceAccessControl(
                    (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl(
                    (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withW3cDocument(document, "about:blank");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
