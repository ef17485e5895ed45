package org.blended.service.portfolio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.blended.rules.assessment.Outcome;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.review.people.Officer;
import org.blended.service.review.report.OfficerDesk;
import org.blended.service.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A lender with every example application decided through the API, and one referral a person then
 * approves (so final outcomes differ from automated ones); another lender with two of its own.
 */
@Component
class ExamplePortfolio {

    @Autowired
    TestLenders lenders;
    @Autowired
    OfficerDesk desk;

    record Stored(TestLenders.TestLender lender, TestLenders.TestLender other, Officer officer, UUID approvedByPerson,
                  List<UUID> applications) {
    }

    Stored store(int port) {
        TestLenders.TestLender lender = lenders.newLender();
        TestLenders.TestLender other = lenders.newLender();
        Http api = new Http(port, lender.apiKey());
        List<UUID> applications = new ArrayList<>();
        for (String example : Examples.expectedOutcomes().keySet()) {
            applications.add(desk.submit(api, example));
        }
        Officer officer = desk.officer(lender.id(), "portia", Role.OFFICER);
        Officer senior = desk.officer(lender.id(), "sen", Role.SENIOR_OFFICER);
        UUID referred = applications.get(List.copyOf(Examples.expectedOutcomes().keySet()).indexOf("homelessness-charity-cio.json"));
        desk.settle(officer, senior, referred, Duration.ofHours(3), Outcome.APPROVE, "LOCAL_KNOWLEDGE", List.of());

        Http otherApi = new Http(port, other.apiKey());
        desk.submit(otherApi, "community-energy-cbs.json");
        desk.submit(otherApi, "bakery-cic.json");
        return new Stored(lender, other, officer, referred, applications);
    }
}
