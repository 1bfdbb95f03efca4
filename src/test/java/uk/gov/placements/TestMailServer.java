package uk.gov.placements;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** An in-process SMTP server (GreenMail) on spring.mail.port for a test Spring context. */
@Component
public class TestMailServer implements SmartLifecycle {
    private final GreenMail greenMail;
    private volatile boolean running;

    public TestMailServer(@org.springframework.beans.factory.annotation.Value("${spring.mail.port:3025}") int port) {
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Override
    public void start() {
        greenMail.start();
        running = true;
    }

    @Override
    public void stop() {
        greenMail.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Simulates a mail server outage, for fault tests. */
    public void outage(Runnable whileDown) {
        greenMail.stop();
        try {
            whileDown.run();
        } finally {
            greenMail.start();
        }
    }

    /**
     * The mail server answers RCPT for {@code address} with a permanent refusal (550, no such mailbox), the way JavaMail
     * reports it: GreenMail takes every address, so the refusal is made at the application's mail sender, the last step
     * before the wire ({@link RefusedAddresses}); everything else still goes to GreenMail.
     */
    public void refusing(String address, Runnable whileRefused) {
        RefusedAddresses.REFUSED.add(address);
        try {
            whileRefused.run();
        } finally {
            RefusedAddresses.REFUSED.remove(address);
        }
    }

    public List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    public void reset() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;   // up before the application sends anything
    }
}
