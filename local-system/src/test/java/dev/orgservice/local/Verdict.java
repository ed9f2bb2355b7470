package dev.orgservice.local;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.testing.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a model of the rules says the server must answer a command: accept it ({@code refusal} null), or refuse it
 * with {@code refusal}'s status and problem type, because {@code why}. A property test that only checked what the
 * server accepted would pass against a server that refused valid changes, or everything.
 */
record Verdict(ErrorCode refusal, String why) {

    static final Verdict ACCEPTED = new Verdict(null, "accepted");

    static Verdict refused(ErrorCode refusal, String why) {
        return new Verdict(refusal, why);
    }

    boolean accepts() {
        return refusal == null;
    }

    /** The server answered {@code acceptedStatus} if accepted, else the refusal's status and problem type. */
    void assertAnswered(Http.Response response, int acceptedStatus, String command) {
        if (accepts()) {
            assertThat(response.status()).as("%s must be accepted: %s", command, response.body())
                    .isEqualTo(acceptedStatus);
            return;
        }
        String type = response.status() / 100 == 2 ? "" : response.json().path("type").asText();
        assertThat(response.status() + " " + type).as("%s must be refused (%s): %s", command, why, response.body())
                .isEqualTo(refusal.status() + " " + refusal.type());
    }
}
