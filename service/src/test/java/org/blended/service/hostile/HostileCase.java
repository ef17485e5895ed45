package org.blended.service.hostile;

import java.util.List;

/**
 * One submission of the hostile suite.
 *
 * @param id names the case within its seed's run, e.g. "rest-0042"
 * @param what how the body was made, printable: enough with the seed to see what was sent
 * @param body the bytes sent
 * @param sent the texts the case put into the body, which an answer may quote back as they were
 *             sent (those are not leaks of the server's insides)
 */
record HostileCase(String id, String what, byte[] body, List<String> sent) {

    @Override
    public String toString() {
        return id + " (" + what + ")";
    }
}
