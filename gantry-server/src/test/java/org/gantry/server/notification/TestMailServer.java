package org.gantry.server.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) in the test JVM, started once on a free port before the first Spring
 * context, which every test server mails to. Registered in the tests' {@code META-INF/spring.factories}
 * for every context alike, so Spring's context cache still shares one server between the test classes.
 * It also shortens the batch job's interval, the risk review reminder job's and db-scheduler's polling so
 * batched mails and reminders arrive in seconds.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail greenMail;

    public static synchronized GreenMail greenMail() {
        if (greenMail == null) {
            // A fixed free port (not GreenMail's dynamic one), so a test can stop and restart the server on it.
            greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> greenMail.stop()));
        }
        return greenMail;
    }

    /** Stops the SMTP server (sends fail) until {@link #restart()}. */
    public static synchronized void stop() {
        greenMail().stop();
    }

    public static synchronized void restart() {
        greenMail.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every mail received so far (tests pick theirs by recipient: each test has its own people). */
    public static MimeMessage[] received() {
        return greenMail().getReceivedMessages();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = greenMail().getSmtp().getPort();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test-mail-server",
                        Map.of(
                                "gantry.smtp.host", "127.0.0.1",
                                "gantry.smtp.port", String.valueOf(port),
                                "gantry.smtp.from", "gantry@gantry.test",
                                "gantry.notifications.batch-interval", "2s",
                                "gantry.digests.interval", "2s",
                                "gantry.notifications.retry-delay", "1s",
                                "gantry.risks.review-reminder-interval", "2s",
                                "db-scheduler.polling-interval", "1s")));
    }
}
