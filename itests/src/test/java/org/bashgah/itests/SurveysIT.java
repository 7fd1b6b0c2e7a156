package org.bashgah.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bashgah.core.api.Events;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * bashgah-surveys over HTTP, on a clock the test sets: the queue runs only when the test runs it
 * ({@code queue.run.enabled = false}), as of moments around now, and a campaign's call hours are, unless a test says
 * otherwise, from an hour ago to six hours from now in the organisation's zone (Asia/Tehran), so both now and "in two
 * and a half hours" are inside them. Claims and outcomes happen at the real now, and a claim is handed out only within
 * call hours. Each test has its own branch and campaign.
 * bashgah-credit is installed, so completed surveys pay its survey points (30 here).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SurveysIT extends BashgahTestSupport {
    private static final ZoneId ZONE = ZoneId.of("Asia/Tehran");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final long SURVEY_POINTS = 30;

    /** When this test started: call hours, purchase times and run moments are counted from it. */
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private ServiceRegistration<EventHandler> listener;

    /** Boots without bashgah-surveys, so the tests install and remove it; the queue runs only when told to. */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {bootOnly("bashgah-core", "bashgah-credit"),
            editConfigurationFilePut("etc/org.bashgah.surveys.cfg", "queue.run.enabled", "false"),
            editConfigurationFilePut("etc/org.bashgah.surveys.cfg", "claim.timeoutMinutes", "30")};
    }

    @Before
    public void installSurveys() throws Exception {
        // -r: no bundle refresh, which would also refresh (and so break) this test's own probe bundle
        if (!features.isInstalled(features.getFeature("bashgah-surveys"))) shell("feature:install -r bashgah-surveys");
        awaitStatus(200, "/api/v1/surveys/campaigns", admin());
        awaitStatus(200, "/api/v1/credit/policy", admin());
        expect(200, call("PUT", "/api/v1/credit/policy", admin(), json("surveyPoints", SURVEY_POINTS,
            "signupPoints", 0, "amountPerPoint", 0)));
        Hashtable<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, new String[] {Events.SURVEY_COMPLETED, Events.SURVEY_LOW_SCORE,
            Events.OFFER_GRANT_REQUESTED});
        listener = bundleContext.registerService(EventHandler.class, events::add, topics);
    }

    @After
    public void stopListening() {
        if (listener != null) listener.unregister();
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    public void aPurchaseQueuesACallTheDelayAfterItAndOnlyWithinCallHours() throws Exception {
        String branch = branch("sv-delay");
        // call hours from twenty minutes ago to an hour from now
        long campaign = campaign("A day after", questionnaire("sv-delay"), branch, "delayHours", 24,
            "callFrom", local(-20), "callUntil", local(60));
        String phone = newPhone();
        String member = member(phone, branch);
        // bought 24 and a half hours ago: due half an hour ago, before call hours began
        Instant bought = now.minus(Duration.ofMinutes(24 * 60 + 30));
        buy(phone, branch, bought, 420_000);
        JsonNode call = awaitCalls(campaign, "PENDING", 1).get(0);
        assertEquals(member, call.path("member").asText());
        assertEquals(bought.plus(Duration.ofHours(24)), Instant.parse(call.path("dueAt").asText()));
        assertEquals(420_000, call.path("purchaseAmount").asLong());

        JsonNode early = run(campaign, -40);
        assertFalse(early.path("inCallHours").asBoolean());
        assertEquals(0, early.path("queued").asInt());
        // due, but call hours have not begun: it waits
        JsonNode due = run(campaign, -25);
        assertFalse(due.path("inCallHours").asBoolean());
        assertEquals(0, due.path("queued").asInt());
        String operator = user("operator", branch);
        expect(204, claim(operator, json()));

        JsonNode open = run(campaign, 0);
        assertTrue(open.toString(), open.path("inCallHours").asBoolean());
        assertEquals(List.of(branch), JSON.convertValue(open.path("branchesInCallHours"), List.class));
        assertEquals(1, open.path("queued").asInt());
        assertEquals(1, expect(200, get("/api/v1/surveys/queue", operator)).number("queued"));
        // a second run as of the same moment changes nothing
        assertEquals(0, run(campaign, 0).path("queued").asInt());
        // after call hours the unclaimed call leaves the queue; when they come round again it is back
        JsonNode closed = run(campaign, 90);
        assertFalse(closed.path("inCallHours").asBoolean());
        assertEquals(1, closed.path("unqueued").asInt());
        expect(204, claim(operator, json()));
        assertEquals(1, run(campaign, 1).path("queued").asInt());

        // the call screen: whom to phone, the visit, recent purchases (core's MemberPurchases), the questions
        Answer screen = expect(201, claim(operator, json()));
        assertEquals(member, screen.body().path("member").path("id").asText());
        assertEquals(e164(phone), screen.body().path("member").path("phone").asText());
        assertEquals(420_000, screen.body().path("purchase").path("amount").asLong());
        JsonNode recent = screen.body().path("recentPurchases");
        assertEquals(1, recent.size());
        assertEquals(call.path("purchase").asText(), recent.get(0).path("id").asText());
        assertEquals("shoes", recent.get(0).path("lines").get(0).path("productGroup").asText());
        assertEquals(4, screen.body().path("questionnaire").path("questions").size());
        assertEquals(1, screen.body().path("questionnaire").path("version").asInt());
        // claiming again gives back the call the operator holds
        Answer again = expect(200, claim(operator, json()));
        assertEquals(screen.number("claim"), again.number("claim"));
        assertEquals(screen.number("claim"), expect(200, get("/api/v1/surveys/queue", operator)).number("myClaim"));

        // while the member has a call open, another purchase of theirs queues none; a sentinel member's does
        buy(phone, branch, now.minus(Duration.ofMinutes(5)), 100_000);
        String sentinel = newPhone();
        member(sentinel, branch);
        buy(sentinel, branch, now.minus(Duration.ofMinutes(4)), 100_000);
        awaitCalls(campaign, "PENDING", 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
            .until(() -> callsOf(campaign, member).size() == 1);
    }

    @Test
    public void aMemberIsCalledAtMostOnceInSixtyDays() {
        String branch = branch("sv-often");
        long campaign = campaign("Once in 60 days", questionnaire("sv-often"), branch, "minDaysBetweenCalls", 60,
            "giveUpAfterDays", 90);
        String phone = newPhone();
        String member = member(phone, branch);
        buy(phone, branch, now.minus(Duration.ofDays(70)), 50_000);
        awaitCalls(campaign, "PENDING", 1);
        run(campaign, 150);
        String operator = user("operator", branch);
        long claim = expect(201, claim(operator, json())).number("claim");
        expect(201, outcome(operator, claim, json("outcome", "REFUSED")));

        // 59 days after the purchase of that call: not again; 61 days after: again (sentinels show the events were seen)
        buy(phone, branch, now.minus(Duration.ofDays(11)), 50_000);
        String first = newPhone();
        member(first, branch);
        buy(first, branch, now.minus(Duration.ofDays(11)).plusSeconds(1), 50_000);
        await().atMost(20, TimeUnit.SECONDS).until(() -> !callsOf(campaign, memberId(first)).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
            .until(() -> callsOf(campaign, member).size() == 1);
        buy(phone, branch, now.minus(Duration.ofDays(9)), 50_000);
        await().atMost(20, TimeUnit.SECONDS).until(() -> callsOf(campaign, member).size() == 2);
    }

    @Test
    public void eightOperatorsClaimingAtOnceNeverGetTheSameMember() throws Exception {
        String branch = branch("sv-race-8");
        long campaign = campaign("Race", questionnaire("sv-race-8"), branch);
        Set<String> members = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            String phone = newPhone();
            members.add(member(phone, branch));
            buy(phone, branch, now.minus(Duration.ofMinutes(30 - i)), 10_000);
        }
        awaitCalls(campaign, "PENDING", 6);
        assertEquals(6, run(campaign, 150).path("queued").asInt());
        List<String> operators = new ArrayList<>();
        for (int i = 0; i < 8; i++) operators.add(user("operator", branch));

        List<Answer> answers = race(operators, token -> claim(token, json()));
        List<String> called = new ArrayList<>();
        int empty = 0;
        for (Answer a : answers) {
            if (a.status() == 204) {
                empty++;
                continue;
            }
            assertEquals(a.raw(), 201, a.status());
            called.add(a.body().path("member").path("id").asText());
        }
        assertEquals("two operators found the queue empty", 2, empty);
        assertEquals("six distinct members were claimed", members, new HashSet<>(called));
        assertEquals(6, called.size());
        assertEquals(6, expect(200, get("/api/v1/surveys/queue", operators.get(0))).number("claimed"));
    }

    @Test
    public void twoOperatorsWorkingThroughTheQueueAtOnceNeverCallOneMemberTwice() throws Exception {
        String branch = branch("sv-race-2");
        long campaign = campaign("Two operators", questionnaire("sv-race-2"), branch);
        Set<String> members = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String phone = newPhone();
            members.add(member(phone, branch));
            buy(phone, branch, now.minus(Duration.ofMinutes(60 - i)), 10_000);
        }
        awaitCalls(campaign, "PENDING", 12);
        assertEquals(12, run(campaign, 150).path("queued").asInt());
        List<String> operators = List.of(user("operator", branch), user("operator", branch));

        // each operator claims, records a refusal and claims again, until the queue is empty
        List<Answer> calledBy = race(operators, token -> {
            List<String> mine = new ArrayList<>();
            while (true) {
                Answer a = claim(token, json());
                if (a.status() == 204) break;
                assertEquals(a.raw(), 201, a.status());
                mine.add(a.body().path("member").path("id").asText());
                expect(201, outcome(token, a.number("claim"), json("outcome", "REFUSED")));
            }
            return new Answer(200, JSON.valueToTree(mine), null);
        });
        List<String> first = JSON.convertValue(calledBy.get(0).body(), List.class);
        List<String> second = JSON.convertValue(calledBy.get(1).body(), List.class);
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertEquals("every member called exactly once: " + first + " / " + second, 12, all.size());
        assertEquals(members, new HashSet<>(all));
        assertTrue("both operators worked: " + first.size() + " and " + second.size(), !first.isEmpty() && !second.isEmpty());
        assertEquals(12, expect(200, get("/api/v1/surveys/calls?campaign=" + campaign + "&status=REFUSED", admin()))
            .body().size());
    }

    @Test
    public void anOperatorMakesAtMostTheCampaignsCallsADay() {
        String branch = branch("sv-limit");
        long campaign = campaign("Two a day", questionnaire("sv-limit"), branch, "callsPerOperatorPerDay", 2);
        for (int i = 0; i < 3; i++) {
            String phone = newPhone();
            member(phone, branch);
            buy(phone, branch, now.minus(Duration.ofMinutes(30 - i)), 10_000);
        }
        awaitCalls(campaign, "PENDING", 3);
        assertEquals(3, run(campaign, 150).path("queued").asInt());
        String operator = user("operator", branch);
        // a claim handed back is no call made: it uses up none of the limit
        long handedBack = expect(201, claim(operator, json())).number("claim");
        expect(204, post("/api/v1/surveys/claims/" + handedBack + "/release", operator, json()));
        for (int i = 0; i < 2; i++) {
            expect(201, outcome(operator, expect(201, claim(operator, json())).number("claim"), json("outcome", "REFUSED")));
        }
        Answer third = expect(422, claim(operator, json()));
        assertEquals("campaign", third.body().path("errors").get(0).path("field").asText());
        JsonNode queue = expect(200, get("/api/v1/surveys/queue", operator)).body();
        assertEquals(2, queue.path("myClaimsToday").asLong());
        assertEquals(1, queue.path("queued").asLong());
        // the limit is each operator's
        expect(201, claim(user("operator", branch), json()));
    }

    @Test
    public void outcomesRetriesCallBacksAndAbandonedClaimsFollowTheRules() {
        String branch = branch("sv-outcomes");
        long campaign = campaign("Outcomes", questionnaire("sv-outcomes"), branch, "maxAttempts", 2,
            "retryNoAnswerMinutes", 60, "retryBusyMinutes", 15);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String phone = newPhone();
            ids.add(member(phone, branch));
            buy(phone, branch, now.minus(Duration.ofMinutes(40 - 10 * i)), 10_000);
        }
        String a = ids.get(0);
        String b = ids.get(1);
        String c = ids.get(2);
        String d = ids.get(3);
        awaitCalls(campaign, "PENDING", 4);
        assertEquals(4, run(campaign, 150).path("queued").asInt());
        String op1 = user("operator", branch);
        String op2 = user("operator", branch);

        // A does not answer: tried again an hour later
        Answer screenA = expect(201, claim(op1, json()));
        assertEquals(a, screenA.body().path("member").path("id").asText());
        long claimA = screenA.number("claim");
        expect(400, outcome(op1, claimA, json("outcome", "MAYBE")));
        expect(400, outcome(op1, claimA, json("outcome", "NO_ANSWER", "answers", List.of())));
        expect(403, outcome(op2, claimA, json("outcome", "NO_ANSWER")));
        Answer noAnswer = expect(201, outcome(op1, claimA, json("outcome", "NO_ANSWER", "note", "rang ten times")));
        assertEquals("PENDING", noAnswer.text("status"));
        Instant retry = Instant.parse(noAnswer.text("dueAt"));
        assertTrue(noAnswer.raw(), Math.abs(Duration.between(Instant.now().plus(Duration.ofHours(1)), retry).toMinutes()) < 5);

        // B asks to be called back at a time of their choosing (in the future; call hours come later)
        Answer screenB = expect(201, claim(op1, json()));
        assertEquals(b, screenB.body().path("member").path("id").asText());
        long claimB = screenB.number("claim");
        expect(400, outcome(op1, claimB, json("outcome", "CALL_BACK")));
        Answer past = expect(422, outcome(op1, claimB, json("outcome", "CALL_BACK", "callBackAt", at(-10))));
        assertEquals("callBackAt", past.body().path("errors").get(0).path("field").asText());
        Answer callBack = expect(201, outcome(op1, claimB, json("outcome", "CALL_BACK", "callBackAt", at(200))));
        assertEquals(at(200), Instant.parse(callBack.text("dueAt")).atOffset(ZoneOffset.UTC).toString());

        // C refuses; the same outcome again answers as before, another outcome is refused
        Answer screenC = expect(201, claim(op1, json()));
        assertEquals(c, screenC.body().path("member").path("id").asText());
        long claimC = screenC.number("claim");
        Answer refused = expect(201, outcome(op1, claimC, json("outcome", "REFUSED")));
        assertEquals("REFUSED", refused.text("status"));
        assertEquals(refused.body(), expect(200, outcome(op1, claimC, json("outcome", "REFUSED"))).body());
        assertEquals("outcome", expect(422, outcome(op1, claimC, json("outcome", "NO_ANSWER")))
            .body().path("errors").get(0).path("field").asText());

        // op1 takes D and walks away; op2 finds nothing else queued (A and B wait for their time)
        long claimD = expect(201, claim(op1, json())).number("claim");
        expect(204, claim(op2, json()));
        // 40 minutes later than half an hour after the claim: D's claim is abandoned and goes back; A is due again
        JsonNode later = run(campaign, 160);
        assertEquals(later.toString(), 1, later.path("abandoned").asInt());
        assertEquals(later.toString(), 1, later.path("queued").asInt());
        Answer screenD = expect(201, claim(op2, json()));
        assertEquals(d, screenD.body().path("member").path("id").asText());
        assertEquals("ABANDONED", screenD.body().path("earlierAttempts").get(0).path("outcome").asText());
        assertEquals("claim", expect(422, outcome(op1, claimD, json("outcome", "REFUSED")))
            .body().path("errors").get(0).path("field").asText());
        assertEquals("WRONG_NUMBER", expect(201, outcome(op2, screenD.number("claim"), json("outcome", "WRONG_NUMBER")))
            .text("status"));

        // A's second try is busy: two tries reached nobody, which is the campaign's maxAttempts: given up
        Answer screenA2 = expect(201, claim(op2, json()));
        assertEquals(a, screenA2.body().path("member").path("id").asText());
        assertEquals(1, screenA2.body().path("attempts").asInt());
        assertEquals("GAVE_UP", expect(201, outcome(op2, screenA2.number("claim"), json("outcome", "BUSY")))
            .text("status"));
        JsonNode callA = callsOf(campaign, a).get(0);
        JsonNode detailA = expect(200, get("/api/v1/surveys/calls/" + callA.path("id").asLong(), admin())).body();
        assertEquals("GAVE_UP", detailA.path("call").path("status").asText());
        assertEquals(2, detailA.path("call").path("attempts").asInt());
        assertEquals(List.of("NO_ANSWER", "BUSY"), outcomes(detailA.path("attempts")));
        assertEquals("rang ten times", detailA.path("attempts").get(0).path("note").asText());

        // B's call-back time comes: B is queued again and the screen shows the earlier call-back
        assertEquals(0, run(campaign, 190).path("queued").asInt());
        assertEquals(1, run(campaign, 205).path("queued").asInt());
        Answer screenB2 = expect(201, claim(op1, json()));
        assertEquals(b, screenB2.body().path("member").path("id").asText());
        assertEquals(1, screenB2.body().path("callBacks").asInt());
        assertEquals(List.of("CALL_BACK"), outcomes(screenB2.body().path("earlierAttempts")));
        assertEquals(1, expect(200, get("/api/v1/surveys/calls?campaign=" + campaign + "&status=CLAIMED", admin()))
            .body().size());
        expect(400, get("/api/v1/surveys/calls?status=LOST", admin()));
        expect(404, get("/api/v1/surveys/claims/abc", op1));
        expect(404, post("/api/v1/surveys/claims/99999999/outcome", op1, json("outcome", "REFUSED")));
    }

    @Test
    public void aCompletedSurveyPaysItsPointsOnceAndALowScoreAlertsTheBranchManager() {
        String branch = branch("sv-answers");
        long questionnaire = questionnaire("sv-answers");
        long campaign = campaign("Answers", questionnaire, branch, "apologyOffer", "sorry-20");
        TwoBuyers buyers = twoBuyersQueued(campaign, branch);
        String happy = buyers.happy();
        String unhappy = buyers.unhappy();
        run(campaign, 150);
        String operator = user("operator", branch);
        String manager = user("branch-manager", branch);

        Answer screen = expect(201, claim(operator, json()));
        assertEquals(happy, screen.body().path("member").path("id").asText());
        Map<String, Long> q = questionIds(screen.body());
        long claim = screen.number("claim");
        // every answer checked against the questions shown: named when wrong, nothing written
        Answer bad = expect(400, outcome(operator, claim, json("outcome", "ANSWERED", "answers", List.of(
            json("question", q.get("overall"), "score", 6), json("question", q.get("liked"), "choices", List.of("parking"))))));
        Set<String> fields = new HashSet<>();
        bad.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(Set.of("answers[0].score", "answers[1].choices[0]", "answers"), fields);
        assertEquals("CLAIMED", callsOf(campaign, happy).get(0).path("status").asText());

        Answer done = expect(201, outcome(operator, claim, json("outcome", "ANSWERED", "answers", List.of(
            json("question", q.get("overall"), "score", 5), json("question", q.get("recommend"), "score", 10),
            json("question", q.get("liked"), "choices", List.of("staff", "price")),
            json("question", q.get("comment"), "text", "کارکنان خیلی مهربان بودند")))));
        assertEquals("DONE", done.text("status"));
        assertTrue(done.body().path("alert").isNull());
        long response = done.number("response");
        awaitPoints(happy, SURVEY_POINTS);
        // the same answers again: the first result, nothing written, nothing announced again
        assertEquals(done.body(), expect(200, outcome(operator, claim, json("outcome", "ANSWERED", "answers",
            List.of(json("question", q.get("overall"), "score", 5))))).body());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
            .until(() -> completions(happy) == 1 && points(happy) == SURVEY_POINTS);
        JsonNode answered = expect(200, get("/api/v1/surveys/responses/" + response, manager)).body();
        assertEquals(4, answered.path("answers").size());
        assertEquals("کارکنان خیلی مهربان بودند", answered.path("answers").get(3).path("text").asText());
        assertEquals(List.of("staff", "price"), JSON.convertValue(answered.path("answers").get(2).path("choices"), List.class));

        // a 2 of 5: the branch manager's alert, the low-score event, and the apology offer asked for once
        Answer unhappyScreen = expect(201, claim(operator, json()));
        assertEquals(unhappy, unhappyScreen.body().path("member").path("id").asText());
        Answer low = expect(201, outcome(operator, unhappyScreen.number("claim"), json("outcome", "ANSWERED", "answers",
            List.of(json("question", q.get("overall"), "score", 2), json("question", q.get("recommend"), "score", 8)))));
        long alertId = low.number("alert");
        assertTrue(low.raw(), alertId > 0);
        awaitPoints(unhappy, SURVEY_POINTS);
        await().atMost(20, TimeUnit.SECONDS).until(() -> eventsOf(Events.OFFER_GRANT_REQUESTED, unhappy).size() == 1);
        Event grant = eventsOf(Events.OFFER_GRANT_REQUESTED, unhappy).get(0);
        assertEquals("sorry-20", grant.getProperty(Events.OFFER));
        assertEquals("survey-apology:" + low.number("response"), grant.getProperty(Events.REF));
        Event lowScore = eventsOf(Events.SURVEY_LOW_SCORE, unhappy).get(0);
        assertEquals(2, ((Number) lowScore.getProperty(Events.SCORE)).intValue());
        assertEquals(branch, lowScore.getProperty(Events.BRANCH));
        assertTrue(eventsOf(Events.OFFER_GRANT_REQUESTED, happy).isEmpty());

        JsonNode alerts = expect(200, get("/api/v1/surveys/alerts?status=OPEN", manager)).body();
        assertEquals(1, alerts.size());
        JsonNode alert = alerts.get(0);
        assertEquals(alertId, alert.path("id").asLong());
        assertEquals("overall", alert.path("question").asText());
        assertEquals(2, alert.path("score").asInt());
        assertEquals("sorry-20", alert.path("apologyOffer").asText());
        assertEquals(unhappy, alert.path("member").asText());
        // another branch's manager sees none of it, an operator no alerts at all
        String otherManager = user("branch-manager", branch("sv-answers-other"));
        assertEquals(0, expect(200, get("/api/v1/surveys/alerts", otherManager)).body().size());
        expect(403, get("/api/v1/surveys/alerts?branch=" + branch, otherManager));
        expect(404, post("/api/v1/surveys/alerts/" + alertId + "/resolve", otherManager, json("note", "not mine")));
        expect(404, get("/api/v1/surveys/responses/" + response, otherManager));
        expect(403, get("/api/v1/surveys/alerts", operator));
        expect(400, post("/api/v1/surveys/alerts/" + alertId + "/resolve", manager, json()));
        Answer resolved = expect(200, post("/api/v1/surveys/alerts/" + alertId + "/resolve", manager,
            json("note", "Called back and apologised")));
        assertEquals("RESOLVED", resolved.text("status"));
        expect(422, post("/api/v1/surveys/alerts/" + alertId + "/resolve", manager, json("note", "again")));
        assertEquals(0, expect(200, get("/api/v1/surveys/alerts?status=OPEN", manager)).body().size());
    }

    @Test
    public void editingAQuestionnaireInUseMakesANewVersionAndOldAnswersKeepTheirs() {
        String branch = branch("sv-versions");
        long questionnaire = questionnaire("sv-versions");
        // nobody was shown it yet: an edit rewrites version 1
        JsonNode rewritten = expect(200, call("PUT", "/api/v1/surveys/questionnaires/" + questionnaire, admin(),
            questionnaireBody("How satisfied were you with your visit?"))).body();
        assertEquals(1, rewritten.path("version").asInt());
        long campaign = campaign("Versions", questionnaire, branch);
        String first = newPhone();
        member(first, branch);
        String second = newPhone();
        member(second, branch);
        buy(first, branch, now.minus(Duration.ofMinutes(20)), 10_000);
        buy(second, branch, now.minus(Duration.ofMinutes(10)), 10_000);
        awaitCalls(campaign, "PENDING", 2);
        run(campaign, 150);
        String operator = user("operator", branch);
        Answer screen = expect(201, claim(operator, json()));
        Map<String, Long> q = questionIds(screen.body());
        long response = expect(201, outcome(operator, screen.number("claim"), json("outcome", "ANSWERED", "answers",
            List.of(json("question", q.get("overall"), "score", 4), json("question", q.get("recommend"), "score", 9)))))
            .number("response");

        JsonNode changed = expect(200, call("PUT", "/api/v1/surveys/questionnaires/" + questionnaire, admin(),
            questionnaireBody("How was the haircut?"))).body();
        assertEquals(2, changed.path("version").asInt());
        assertEquals(2, changed.path("currentVersion").asInt());
        JsonNode versions = expect(200, get("/api/v1/surveys/questionnaires/" + questionnaire + "/versions", admin())).body();
        assertEquals(2, versions.size());
        assertTrue(versions.get(0).path("inUse").asBoolean());
        assertFalse(versions.get(1).path("inUse").asBoolean());
        assertEquals("How satisfied were you with your visit?", expect(200, get("/api/v1/surveys/questionnaires/"
            + questionnaire + "/versions/1", admin())).body().path("questions").get(0).path("text").path("en").asText());

        JsonNode old = expect(200, get("/api/v1/surveys/responses/" + response, admin())).body();
        assertEquals(1, old.path("version").asInt());
        assertEquals("How satisfied were you with your visit?", old.path("answers").get(0).path("questionText")
            .path("en").asText());
        Answer next = expect(201, claim(operator, json()));
        assertEquals(2, next.body().path("questionnaire").path("version").asInt());
        assertEquals("How was the haircut?", next.body().path("questionnaire").path("questions").get(0).path("text")
            .path("en").asText());
        // an answer to a question of version 1 does not fit the version 2 this call showed
        Answer stale = expect(400, outcome(operator, next.number("claim"), json("outcome", "ANSWERED", "answers",
            List.of(json("question", q.get("overall"), "score", 4), json("question", q.get("recommend"), "score", 9)))));
        assertEquals("answers[0].question", stale.body().path("errors").get(0).path("field").asText());
    }

    @Test
    public void npsAndCsatOfHandMadeAnswersPerBranchOperatorAndQuestion() throws Exception {
        String north = branch("sv-rep-north");
        String south = branch("sv-rep-south");
        long questionnaire = questionnaire("sv-report");
        long campaign = campaign("Report", questionnaire, null, "branches", List.of(north, south));
        // north: scale 5 4 2 3, NPS 10 9 6 7; south: scale 5 5 4, NPS 9 3 0, and one refusal
        int[][] northAnswers = {{5, 10}, {4, 9}, {2, 6}, {3, 7}};
        int[][] southAnswers = {{5, 9}, {5, 3}, {4, 0}, {0, -1}};
        for (int i = 0; i < 4; i++) {
            String n = newPhone();
            member(n, north);
            buy(n, north, now.minus(Duration.ofMinutes(60 - i)), 10_000);
            String s = newPhone();
            member(s, south);
            buy(s, south, now.minus(Duration.ofMinutes(50 - i)), 10_000);
        }
        awaitCalls(campaign, "PENDING", 8);
        run(campaign, 150);
        String northOperator = user("operator", north);
        String southOperator = user("operator", south);
        answerAll(northOperator, northAnswers, "north comment");
        answerAll(southOperator, southAnswers, "=cmd|' /C calc'!A0");

        JsonNode byBranch = expect(200, get("/api/v1/surveys/reports?by=branch&campaign=" + campaign, admin())).body();
        assertEquals(2, byBranch.path("rows").size());
        JsonNode n = row(byBranch, north);
        assertEquals("Branch " + north, n.path("label").asText());
        assertEquals(4, n.path("calls").asLong());
        assertEquals(4, n.path("completed").asLong());
        assertEquals(100.0, n.path("responseRate").asDouble(), 0);
        assertEquals(50.0, n.path("csat").asDouble(), 0);
        assertEquals(3.5, n.path("averageScale").asDouble(), 0);
        assertEquals(2, n.path("promoters").asLong());
        assertEquals(1, n.path("passives").asLong());
        assertEquals(1, n.path("detractors").asLong());
        assertEquals(25.0, n.path("nps").asDouble(), 0);
        JsonNode s = row(byBranch, south);
        assertEquals(4, s.path("calls").asLong());
        assertEquals(3, s.path("completed").asLong());
        assertEquals(75.0, s.path("responseRate").asDouble(), 0);
        assertEquals(100.0, s.path("csat").asDouble(), 0);
        assertEquals(-33.3, s.path("nps").asDouble(), 0);
        JsonNode total = byBranch.path("total");
        assertEquals(8, total.path("calls").asLong());
        assertEquals(87.5, total.path("responseRate").asDouble(), 0);
        assertEquals(71.4, total.path("csat").asDouble(), 0);
        assertEquals(0.0, total.path("nps").asDouble(), 0);

        JsonNode byOperator = expect(200, get("/api/v1/surveys/reports?by=operator&campaign=" + campaign, admin())).body();
        assertEquals(2, byOperator.path("rows").size());
        JsonNode byQuestion = expect(200, get("/api/v1/surveys/reports?by=question&campaign=" + campaign, admin())).body();
        JsonNode overall = row(byQuestion, questionnaire + "/overall");
        assertEquals(7, overall.path("scaleAnswers").asLong());
        assertEquals(71.4, overall.path("csat").asDouble(), 0);
        assertTrue(overall.path("calls").isNull());
        assertEquals(0.0, row(byQuestion, questionnaire + "/recommend").path("nps").asDouble(), 0);
        // a question's label is in the caller's language (Persian by default), else in the one it has
        assertEquals("sv-report: چقدر راضی بودید؟", overall.path("label").asText());
        JsonNode inEnglish = expect(200, get("/api/v1/surveys/reports?by=question&lang=en&campaign=" + campaign,
            admin())).body();
        assertEquals("sv-report: How satisfied were you with your visit?",
            row(inEnglish, questionnaire + "/overall").path("label").asText());
        assertEquals("sv-report: How likely are you to recommend us?",
            row(byQuestion, questionnaire + "/recommend").path("label").asText());
        assertEquals("lang", field(expect(400, get("/api/v1/surveys/reports?lang=de", admin()))));
        assertEquals(1, expect(200, get("/api/v1/surveys/reports?by=day&campaign=" + campaign, admin())).body()
            .path("rows").size());

        JsonNode distribution = expect(200, get("/api/v1/surveys/reports/distribution?question=overall&campaign="
            + campaign, admin())).body();
        assertEquals(1, distribution.size());
        assertEquals(Map.of("1", 0, "2", 1, "3", 1, "4", 2, "5", 3),
            JSON.convertValue(distribution.get(0).path("counts"), Map.class));
        JsonNode liked = expect(200, get("/api/v1/surveys/reports/distribution?question=liked&campaign=" + campaign,
            admin())).body().get(0);
        assertEquals(7, liked.path("answers").asLong());
        assertEquals(7, liked.path("counts").path("staff").asLong());
        assertEquals(0, liked.path("counts").path("price").asLong());
        JsonNode texts = expect(200, get("/api/v1/surveys/reports/texts?campaign=" + campaign, admin())).body();
        assertEquals(7, texts.size());

        // a branch manager compares nothing but their own branch
        String northManager = user("branch-manager", north);
        JsonNode own = expect(200, get("/api/v1/surveys/reports?campaign=" + campaign, northManager)).body();
        assertEquals(1, own.path("rows").size());
        assertEquals(north, own.path("rows").get(0).path("key").asText());
        expect(403, get("/api/v1/surveys/reports?branch=" + south, northManager));
        expect(403, get("/api/v1/surveys/reports", northOperator));
        expect(400, get("/api/v1/surveys/reports?by=colour&from=yesterday", admin()));
        expect(400, get("/api/v1/surveys/reports?from=2026-12-01&to=2026-11-01", admin()));

        // CSV: a header, a line per branch and the total; a dictated formula is defused
        Answer csv = get("/api/v1/surveys/reports/export?report=summary&by=branch&campaign=" + campaign, admin());
        assertEquals(csv.raw(), 200, csv.status());
        List<String> lines = csv.raw().lines().toList();
        assertTrue(lines.get(0), lines.get(0).startsWith("\uFEFFbranch,label,calls,completed,responseRate"));
        assertEquals(4, lines.size());
        assertTrue(csv.raw(), lines.stream().anyMatch(l -> l.startsWith(north + ",Branch " + north + ",4,4,100.0,4,50.0,3.50,4,2,1,1,25.0")));
        String textCsv = get("/api/v1/surveys/reports/export?report=texts&campaign=" + campaign, admin()).raw();
        assertTrue(textCsv, textCsv.contains(",'=cmd|' /C calc'!A0"));
        assertFalse(textCsv, textCsv.contains(",=cmd"));
        String shell = shell("bashgah:surveys-report --by branch");
        assertTrue(shell, shell.contains("Branch " + north) && shell.contains("-33.3"));
    }

    @Test
    public void badInputIsRefusedWithTheFieldAndAFailedRequestChangesNothing() {
        String branch = branch("sv-input");
        Answer bad = expect(400, post("/api/v1/surveys/questionnaires", admin(), json("code", "no spaces please",
            "name", json("en", "x"), "questions", List.of(json("code", "a", "kind", "STARS", "text", json("en", "?"))))));
        Set<String> fields = new HashSet<>();
        bad.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(Set.of("code", "questions[0].kind"), fields);
        long questionnaire = questionnaire("sv-input");
        Answer taken = expect(409, post("/api/v1/surveys/questionnaires", admin(), questionnaireBody("Again?", "sv-input")));
        assertEquals(String.valueOf(questionnaire), taken.text("existingId"));
        String operator = user("operator", branch);
        expect(403, post("/api/v1/surveys/questionnaires", operator, questionnaireBody("Mine?", "sv-input-op")));
        expect(404, get("/api/v1/surveys/questionnaires/123456789", admin()));

        int before = expect(200, get("/api/v1/surveys/campaigns", admin())).body().size();
        assertEquals("segment", expect(422, post("/api/v1/surveys/campaigns", admin(), json("name", "Segment",
            "questionnaire", questionnaire, "segment", "big-spenders"))).body().path("errors").get(0).path("field").asText());
        assertEquals("questionnaire", expect(422, post("/api/v1/surveys/campaigns", admin(), json("name", "Lost",
            "questionnaire", 987654321))).body().path("errors").get(0).path("field").asText());
        assertEquals("branches", expect(422, post("/api/v1/surveys/campaigns", admin(), json("name", "Nowhere",
            "questionnaire", questionnaire, "branches", List.of("sv-no-such-branch")))).body().path("errors").get(0)
            .path("field").asText());
        Answer ranges = expect(400, post("/api/v1/surveys/campaigns", admin(), json("name", "Ranges",
            "questionnaire", questionnaire, "samplePercent", 0, "callFrom", "25:00", "callDays", List.of("FRIDAYS"))));
        assertEquals(3, ranges.body().path("errors").size());
        expect(403, post("/api/v1/surveys/campaigns", operator, json("name", "Mine", "questionnaire", questionnaire)));
        assertEquals(before, expect(200, get("/api/v1/surveys/campaigns", admin())).body().size());

        long campaign = campaign("Input", questionnaire, branch);
        expect(400, call("PATCH", "/api/v1/surveys/campaigns/" + campaign, admin(), json("callUntil", "10:00",
            "callFrom", "10:00")));
        expect(404, call("PATCH", "/api/v1/surveys/campaigns/424242424", admin(), json("active", false)));
        JsonNode paused = expect(200, call("PATCH", "/api/v1/surveys/campaigns/" + campaign, admin(),
            json("active", false, "samplePercent", 50))).body();
        assertFalse(paused.path("active").asBoolean());
        assertEquals(50, paused.path("samplePercent").asInt());
        assertEquals(branch, paused.path("branches").get(0).asText());
        expect(403, post("/api/v1/surveys/campaigns/" + campaign + "/run", operator, json()));
        expect(400, post("/api/v1/surveys/campaigns/" + campaign + "/run", admin(), json("asOf", 12345)));
        expect(403, post("/api/v1/surveys/queue/claim", operator, json("branch", "sv-other")));
        assertEquals("branch", expect(422, post("/api/v1/surveys/queue/claim", admin(), json("branch", "sv-no-such")))
            .body().path("errors").get(0).path("field").asText());
        expect(400, get("/api/v1/surveys/calls?limit=abc", admin()));
        boolean audited = false;
        for (JsonNode line : expect(200, get("/api/v1/audit?limit=50", admin())).body()) {
            audited |= line.path("action").asText().equals("surveys.campaign.update");
        }
        assertTrue(audited);
    }

    @Test
    public void shellCommandsListRunAndReport() throws Exception {
        String branch = branch("sv-shell");
        long campaign = campaign("Shell", questionnaire("sv-shell"), branch);
        String phone = newPhone();
        member(phone, branch);
        buy(phone, branch, now.minus(Duration.ofMinutes(5)), 10_000);
        awaitCalls(campaign, "PENDING", 1);
        String listed = shell("bashgah:surveys-campaigns");
        assertTrue(listed, listed.contains("Shell"));
        String ran = shell("bashgah:surveys-run --campaign " + campaign + " --as-of " + at(150));
        assertTrue(ran, ran.contains("campaign " + campaign) && ran.contains("in call hours at " + branch + ", 1 queued"));
        assertEquals(1, expect(200, get("/api/v1/surveys/queue?campaign=" + campaign, admin())).number("queued"));
        String alerts = shell("bashgah:surveys-alerts --branch " + branch);
        assertTrue(alerts, alerts.contains("Open alerts"));
    }

    @Test
    public void uninstallingSurveysKeepsItsDataAndPurchasesGoOn() throws Exception {
        String branch = branch("sv-remove");
        long campaign = campaign("Kept", questionnaire("sv-remove"), branch);
        String phone = newPhone();
        String member = member(phone, branch);
        buy(phone, branch, now.minus(Duration.ofMinutes(5)), 10_000);
        awaitCalls(campaign, "PENDING", 1);

        shell("feature:uninstall -r bashgah-surveys");
        awaitStatus(404, "/api/v1/surveys/campaigns", admin());
        assertTrue(expect(200, get("/api/openapi.json", null)).body().path("paths").path("/api/v1/surveys/campaigns")
            .isMissingNode());
        // without surveys the till goes on; nothing queues a call
        buy(phone, branch, now.minus(Duration.ofMinutes(1)), 10_000);

        shell("feature:install -r bashgah-surveys");
        awaitStatus(200, "/api/v1/surveys/campaigns/" + campaign, admin());
        assertEquals(1, callsOf(campaign, member).size());
        assertTrue(expect(200, get("/api/openapi.json", null)).body().path("paths").has("/api/v1/surveys/queue/claim"));
        String verify = shell("bashgah:ledger-verify");
        assertTrue(verify, verify.contains("0 problems"));
    }

    @Test
    public void anOperatorHandsAClaimBackAndTheCallIsBackInLineForTheNext() {
        String branch = branch("sv-release");
        long campaign = campaign("Hand back", questionnaire("sv-release"), branch);
        String phone = newPhone();
        member(phone, branch);
        buy(phone, branch, now.minus(Duration.ofMinutes(5)), 30_000);
        awaitCalls(campaign, "PENDING", 1);
        assertEquals(1, run(campaign, 150).path("queued").asInt());
        String first = user("operator", branch);
        String second = user("operator", branch);
        Answer screen = expect(201, claim(first, json()));
        long claim = screen.number("claim");
        long call = screen.number("call");

        expect(403, post("/api/v1/surveys/claims/" + claim + "/release", second, json()));
        expect(204, post("/api/v1/surveys/claims/" + claim + "/release", first, json()));
        expect(204, post("/api/v1/surveys/claims/" + claim + "/release", first, json()));
        // within call hours the call is back in the queue at once, unclaimed, and was not a try
        JsonNode waiting = calls(campaign, "QUEUED");
        assertEquals(1, waiting.size());
        assertEquals(0, waiting.get(0).path("attempts").asInt());
        assertEquals("claim", expect(422, outcome(first, claim, json("outcome", "BUSY"))).body().path("errors").get(0)
            .path("field").asText());

        Answer next = expect(201, claim(second, json()));
        assertEquals(call, next.number("call"));
        assertEquals(List.of("ABANDONED"), outcomes(next.body().path("earlierAttempts")));
        expect(201, outcome(second, next.number("claim"), json("outcome", "BUSY")));
        assertEquals("claim", expect(422, post("/api/v1/surveys/claims/" + next.number("claim") + "/release", second,
            json())).body().path("errors").get(0).path("field").asText());
    }

    @Test
    public void aCampaignAimedAtASegmentOfReportsQueuesOnlyItsMembers() throws Exception {
        String branch = branch("sv-segment");
        long questionnaire = questionnaire("sv-segment");
        String big = newPhone();
        String small = newPhone();
        String bigMember = member(big, branch);
        String smallMember = member(small, branch);
        // before any campaign of the branch: 900,000 and 100,000 spent, no call queued
        buy(big, branch, now.minus(Duration.ofHours(3)), 900_000);
        buy(small, branch, now.minus(Duration.ofHours(3)), 100_000);

        // booted without bashgah-reports: a segment cannot be aimed at, and nothing is made
        int before = expect(200, get("/api/v1/surveys/campaigns", admin())).body().size();
        Answer absent = expect(422, post("/api/v1/surveys/campaigns", admin(), json("name", "Big spenders",
            "questionnaire", questionnaire, "branches", List.of(branch), "segment", "any-segment")));
        assertEquals("segment", absent.body().path("errors").get(0).path("field").asText());
        assertTrue(absent.raw(), absent.raw().contains("bashgah-reports"));
        assertEquals(before, expect(200, get("/api/v1/surveys/campaigns", admin())).body().size());

        // reports installed on the running server; the refresh a plain feature:install does wires the surveys'
        // optional import (-r keeps this test's probe bundle from being refreshed with it)
        shell("feature:install -r bashgah-reports");
        long surveysBundle = java.util.Arrays.stream(bundleContext.getBundles())
            .filter(b -> "bashgah-surveys".equals(b.getSymbolicName())).findFirst().orElseThrow().getBundleId();
        shell("bundle:refresh " + surveysBundle);
        awaitHealthy();
        awaitStatus(200, "/api/v1/reports/segments", admin());
        awaitStatus(200, "/api/v1/surveys/campaigns", admin());

        // the members of the branch who spent 500,000 or more: the big spender alone
        JsonNode segment = expect(201, post("/api/v1/reports/segments", admin(), json("name", "Big spenders " + branch,
            "report", "clv", "parameters", json("branch", branch, "min", "500000")))).body();
        assertEquals(1, segment.path("members").asLong());
        String segmentId = segment.path("id").asText();
        assertEquals("segment", expect(422, post("/api/v1/surveys/campaigns", admin(), json("name", "Nobody",
            "questionnaire", questionnaire, "segment", "no-such-segment"))).body().path("errors").get(0)
            .path("field").asText());
        long campaign = campaign("Big spenders", questionnaire, branch, "segment", segmentId);
        assertEquals(segmentId, expect(200, get("/api/v1/surveys/campaigns/" + campaign, admin())).text("segment"));

        // both buy again: only the segment's member is queued; the other is not, however much they spend now,
        // because a segment keeps the members it had when it was saved
        buy(small, branch, now.minus(Duration.ofHours(1)), 1_000_000);
        buy(big, branch, now.minus(Duration.ofHours(1)), 50_000);
        JsonNode call = awaitCalls(campaign, "PENDING", 1).get(0);
        assertEquals(bigMember, call.path("member").asText());
        await().during(Duration.ofSeconds(2)).atMost(10, TimeUnit.SECONDS)
            .until(() -> callsOf(campaign, smallMember).isEmpty());

        // "" takes the segment away: the campaign calls every purchaser of the branch again
        assertFalse(expect(200, call("PATCH", "/api/v1/surveys/campaigns/" + campaign, admin(), json("segment", "")))
            .body().hasNonNull("segment"));
        buy(small, branch, now.minus(Duration.ofMinutes(30)), 20_000);
        await().atMost(30, TimeUnit.SECONDS).until(() -> callsOf(campaign, smallMember).size() == 1);
    }

    @Test
    public void aBranchInAnotherTimeZoneGetsItsCallsAtItsOwnHours() {
        // a branch keeps the organisation's zone unless it is given its own, an IANA id; anything else is named
        assertEquals("timeZone", field(expect(400, post("/api/v1/branches", admin(), json("code", "sv-tz-bad",
            "name", "Nowhere", "timeZone", "Mars/Olympus")))));
        expect(404, get("/api/v1/branches/sv-tz-bad", admin()));
        String tehran = branch("sv-tz-tehran");
        assertEquals("Asia/Tehran", expect(200, get("/api/v1/branches/" + tehran, admin())).text("timeZone"));
        String tokyo = "sv-tz-tokyo";
        assertEquals("Europe/London", expect(201, post("/api/v1/branches", admin(), json("code", tokyo,
            "name", "Tokyo Ginza", "timeZone", "Europe/London"))).text("timeZone"));
        assertEquals("timeZone", field(expect(400, call("PATCH", "/api/v1/branches/" + tokyo, admin(),
            json("timeZone", "+09:00")))));
        assertEquals("Asia/Tokyo", expect(200, call("PATCH", "/api/v1/branches/" + tokyo, admin(),
            json("timeZone", "Asia/Tokyo"))).text("timeZone"));

        // call hours from an hour before to an hour after Tokyo's time of day now: Tehran's are 5:30 later in the day
        ZoneId tokyoZone = ZoneId.of("Asia/Tokyo");
        long campaign = campaign("Two zones", questionnaire("sv-tz"), null, "branches", List.of(tehran, tokyo),
            "callFrom", local(-60, tokyoZone), "callUntil", local(60, tokyoZone));
        String inTehran = newPhone();
        String tehranMember = member(inTehran, tehran);
        String inTokyo = newPhone();
        String tokyoMember = member(inTokyo, tokyo);
        buy(inTehran, tehran, now.minus(Duration.ofHours(6)), 10_000);
        buy(inTokyo, tokyo, now.minus(Duration.ofHours(6)), 10_000);
        awaitCalls(campaign, "PENDING", 2);

        JsonNode tokyoHours = run(campaign, 0);
        assertEquals(tokyoHours.toString(), List.of(tokyo),
            JSON.convertValue(tokyoHours.path("branchesInCallHours"), List.class));
        assertEquals(1, tokyoHours.path("queued").asInt());
        expect(204, claim(user("operator", tehran), json()));
        String tokyoOperator = user("operator", tokyo);
        Answer screen = expect(201, claim(tokyoOperator, json()));
        assertEquals(tokyoMember, screen.body().path("member").path("id").asText());
        expect(201, outcome(tokyoOperator, screen.number("claim"), json("outcome", "REFUSED")));

        // five and a half hours later it is that time of day in Tehran: its call is queued, Tokyo's hours are over
        JsonNode tehranHours = run(campaign, 330);
        assertEquals(tehranHours.toString(), List.of(tehran),
            JSON.convertValue(tehranHours.path("branchesInCallHours"), List.class));
        assertEquals(1, tehranHours.path("queued").asInt());
        JsonNode queued = calls(campaign, "QUEUED");
        assertEquals(1, queued.size());
        assertEquals(tehranMember, queued.get(0).path("member").asText());
    }

    @Test
    public void aLowScoreGrantsTheCampaignsApologyOfferOnceWhenOffersIsInstalled() throws Exception {
        shell("feature:install -r bashgah-offers");
        try {
            awaitStatus(200, "/api/v1/offers", admin());
            awaitHealthy();
            String branch = branch("sv-apology");
            // a one-time offer nobody is targeted for, so only a grant on request reaches a member: 20,000 credit
            String offer = expect(201, post("/api/v1/offers", admin(), json("name", "Sorry about your visit",
                "kind", "ONE_TIME", "audience", json("visited", List.of("nowhere-at-all")),
                "trigger", json("withinDays", 30), "reward", json("fixedCredit", 20000)))).text("id");
            expect(200, post("/api/v1/offers/" + offer + "/activate", admin(), json("acceptLoss", true)));
            long campaign = campaign("Apology", questionnaire("sv-apology"), branch, "apologyOffer", offer);
            TwoBuyers buyers = twoBuyersQueued(campaign, branch);
            String happy = buyers.happy();
            String unhappy = buyers.unhappy();
            String unhappyPhone = buyers.unhappyPhone();
            run(campaign, 0);
            String operator = user("operator", branch);
            long lowResponse = 0;
            for (int score : new int[] {4, 1}) {
                Answer screen = expect(201, claim(operator, json()));
                Map<String, Long> q = questionIds(screen.body());
                lowResponse = expect(201, outcome(operator, screen.number("claim"), json("outcome", "ANSWERED", "answers",
                    List.of(json("question", q.get("overall"), "score", score),
                        json("question", q.get("recommend"), "score", 8))))).number("response");
            }

            // offers granted the 1 of 5 the apology, once; the 4 of 5 got nothing
            await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> waitingOffers(unhappy).size() == 1);
            assertEquals(List.of(offer + " survey-apology:" + lowResponse), waitingOffers(unhappy));
            assertEquals(List.of(), waitingOffers(happy));
            // the apology's credit is earned on the member's next purchase
            Answer next = expect(201, post("/api/v1/purchases", admin(), json("idempotencyKey", "sv-apology-" + unhappy,
                "member", unhappyPhone, "branch", branch, "amount", 100_000,
                "lines", List.of(json("productGroup", "shoes", "amount", 100_000)))));
            assertTrue(next.raw(), next.body().path("appliedOffers").toString().contains(offer));
            assertEquals(List.of(), waitingOffers(unhappy));
        } finally {
            shell("feature:uninstall -r bashgah-offers");
            awaitStatus(404, "/api/v1/offers", admin());
            awaitHealthy();
        }
    }

    @Test
    public void noCallIsHandedOutOutsideItsCallHoursWhateverTheQueueHolds() {
        String branch = branch("sv-hours");
        // call hours from two to six hours from now
        long campaign = campaign("Later today", questionnaire("sv-hours"), branch, "callFrom", local(120),
            "callUntil", local(360));
        String phone = newPhone();
        String member = member(phone, branch);
        buy(phone, branch, now.minus(Duration.ofMinutes(5)), 10_000);
        awaitCalls(campaign, "PENDING", 1);
        // a run as of two and a half hours from now queues the call; at the real now its hours have not begun
        assertEquals(1, run(campaign, 150).path("queued").asInt());
        String operator = user("operator", branch);
        assertEquals(1, expect(200, get("/api/v1/surveys/queue", operator)).number("queued"));
        expect(204, claim(operator, json()));
        expect(204, claim(admin(), json("branch", branch)));
        assertEquals(1, calls(campaign, "QUEUED").size());

        // once the hours include now, the call is handed out
        expect(200, call("PATCH", "/api/v1/surveys/campaigns/" + campaign, admin(), json("callFrom", local(-60))));
        Answer screen = expect(201, claim(operator, json()));
        assertEquals(member, screen.body().path("member").path("id").asText());
    }

    @Test
    public void aSampleOfHalfThePurchasesIsDrawnFromTheHashOfCampaignAndPurchase() throws Exception {
        String branch = branch("sv-sample");
        long questionnaire = questionnaire("sv-sample");
        long sample = campaign("Half", questionnaire, branch, "samplePercent", 50);
        // a newer campaign of the branch takes every purchase the sample leaves
        long rest = campaign("The rest", questionnaire, branch);
        Set<String> drawn = new HashSet<>();
        Set<String> left = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            String phone = newPhone();
            String member = member(phone, branch);
            String purchase = buy(phone, branch, now.minus(Duration.ofMinutes(30 - i)), 10_000);
            (bucket(sample, purchase) < 50 ? drawn : left).add(member);
        }
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
            .until(() -> calls(sample, "PENDING").size() + calls(rest, "PENDING").size() == 10);
        assertEquals(drawn, membersOf(calls(sample, "PENDING")));
        assertEquals(left, membersOf(calls(rest, "PENDING")));
    }

    @Test
    public void aCampaignCallsOnlyItsTiersAndFirstTimeBuyersWhenItSaysSo() {
        String branch = branch("sv-whom");
        long questionnaire = questionnaire("sv-whom");
        String phone = newPhone();
        String member = member(phone, branch);
        String tier = expect(200, get("/api/v1/members/" + member, admin())).text("tier");
        String otherTier = tier.equals("GOLD") ? "SILVER" : "GOLD";
        // oldest first: another tier's campaign, first-time buyers of any tier, then everyone
        long others = campaign("Other tier", questionnaire, branch, "tiers", List.of(otherTier));
        long firstTime = campaign("First visit", questionnaire, branch, "firstPurchaseOnly", true, "tiers", List.of(tier));
        long everyone = campaign("Everyone", questionnaire, branch);

        buy(phone, branch, now.minus(Duration.ofMinutes(30)), 10_000);
        JsonNode first = awaitCalls(firstTime, "PENDING", 1);
        assertEquals(member, first.get(0).path("member").asText());
        assertEquals(0, calls(others, "PENDING").size());
        run(firstTime, 0);
        String operator = user("operator", branch);
        expect(201, outcome(operator, expect(201, claim(operator, json())).number("claim"), json("outcome", "REFUSED")));

        // the second visit is not a first one: the campaign for everyone takes it
        buy(phone, branch, now.minus(Duration.ofMinutes(10)), 10_000);
        awaitCalls(everyone, "PENDING", 1);
        assertEquals(1, callsOf(firstTime, member).size());
        assertEquals(0, callsOf(others, member).size());
    }

    @Test
    public void aCallIsDueDaysAfterThePurchaseAndExpiresWhenTheCampaignGivesUp() {
        String branch = branch("sv-days");
        long campaign = campaign("Three days after", questionnaire("sv-days"), branch, "delayHours", 72,
            "giveUpAfterDays", 4);
        String soon = newPhone();
        String soonMember = member(soon, branch);
        String late = newPhone();
        String lateMember = member(late, branch);
        String tooOld = newPhone();
        String tooOldMember = member(tooOld, branch);
        // five days ago is older than the campaign's four: no call; 71 hours ago: due in an hour;
        // 95 hours ago: due a day ago, and given up on in an hour
        buy(tooOld, branch, now.minus(Duration.ofDays(5)), 10_000);
        buy(soon, branch, now.minus(Duration.ofHours(71)), 10_000);
        buy(late, branch, now.minus(Duration.ofHours(95)), 10_000);
        awaitCalls(campaign, "PENDING", 2);
        assertEquals(now.plus(Duration.ofHours(1)), Instant.parse(callsOf(campaign, soonMember).get(0).path("dueAt").asText()));

        JsonNode first = run(campaign, 0);
        assertEquals(1, first.path("queued").asInt());
        assertEquals(lateMember, calls(campaign, "QUEUED").get(0).path("member").asText());
        JsonNode later = run(campaign, 70);
        assertEquals(later.toString(), 1, later.path("expired").asInt());
        assertEquals(later.toString(), 1, later.path("queued").asInt());
        assertEquals(lateMember, calls(campaign, "EXPIRED").get(0).path("member").asText());
        assertEquals(soonMember, calls(campaign, "QUEUED").get(0).path("member").asText());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
            .until(() -> callsOf(campaign, tooOldMember).isEmpty());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A questionnaire: overall (1-5), recommend (0-10), liked (several of staff, price, clean), comment (text). */
    private long questionnaire(String code) {
        return expect(201, post("/api/v1/surveys/questionnaires", admin(), questionnaireBody(
            "How satisfied were you with your visit?", code))).number("id");
    }

    private static Map<String, Object> questionnaireBody(String overallText) {
        Map<String, Object> body = questionnaireBody(overallText, "unused");
        body.remove("code");
        return body;
    }

    private static Map<String, Object> questionnaireBody(String overallText, String code) {
        return json("code", code, "name", json("fa", "نظرسنجی پس از خرید", "en", "After the visit"), "questions", List.of(
            json("code", "overall", "kind", "SCALE", "text", json("fa", "چقدر راضی بودید؟", "en", overallText)),
            json("code", "recommend", "kind", "NPS", "text", json("en", "How likely are you to recommend us?")),
            json("code", "liked", "kind", "MULTIPLE_CHOICE", "required", false, "text", json("en", "What did you like?"),
                "choices", List.of(json("code", "staff", "text", json("fa", "کارکنان")),
                    json("code", "price", "text", json("en", "The prices")),
                    json("code", "clean", "text", json("en", "Cleanliness")))),
            json("code", "comment", "kind", "TEXT", "required", false, "text", json("en", "Anything else?"))));
    }

    /**
     * A campaign of the branch (null: {@code extra} names them) calling right after the purchase, with call hours
     * from an hour ago to six hours from now in the organisation's zone, every day.
     */
    private long campaign(String name, long questionnaire, String branch, Object... extra) {
        Map<String, Object> body = json("name", name, "questionnaire", questionnaire, "delayHours", 0,
            "callFrom", local(-60), "callUntil", local(360), "minDaysBetweenCalls", 0);
        if (branch != null) body.put("branches", List.of(branch));
        for (int i = 0; i < extra.length; i += 2) body.put((String) extra[i], extra[i + 1]);
        return expect(201, post("/api/v1/surveys/campaigns", admin(), body)).number("id");
    }

    /** HH:mm in the organisation's zone, {@code minutes} from now (to the minute, rounded down). */
    private String local(long minutes) {
        return local(minutes, ZONE);
    }

    private String local(long minutes, ZoneId zone) {
        return LocalTime.ofInstant(now.plus(Duration.ofMinutes(minutes)), zone).format(HH_MM);
    }

    /** An ISO-8601 moment {@code minutes} from now. */
    private String at(long minutes) {
        return now.plus(Duration.ofMinutes(minutes)).atOffset(ZoneOffset.UTC).toString();
    }

    /** Posts a purchase and returns its id. */
    private String buy(String phone, String branch, Instant at, long amount) {
        return expect(201, post("/api/v1/purchases", admin(), json("idempotencyKey", "sv-" + phone + "-" + at.toEpochMilli(),
            "member", phone, "branch", branch, "at", at.atOffset(ZoneOffset.UTC).toString(), "amount", amount,
            "lines", List.of(json("productGroup", "shoes", "amount", amount))))).text("id");
    }

    /**
     * The sample bucket of a purchase in a campaign as docs/surveys.md defines it: the first eight bytes of the SHA-256
     * of {@code "<campaign id>:<purchase id>"}, unsigned, modulo 100; the purchase is in a sample of p% when it is below p.
     */
    private static int bucket(long campaign, String purchase) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256")
            .digest((campaign + ":" + purchase).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < 8; i++) value = (value << 8) | (d[i] & 0xff);
        return (int) Long.remainderUnsigned(value, 100);
    }

    private static String field(Answer problem) {
        return problem.body().path("errors").get(0).path("field").asText();
    }

    private JsonNode run(long campaign, long minutesFromNow) {
        return expect(200, post("/api/v1/surveys/campaigns/" + campaign + "/run", admin(),
            json("asOf", at(minutesFromNow)))).body();
    }

    private static Answer claim(String token, Object body) {
        return post("/api/v1/surveys/queue/claim", token, body);
    }

    private static Answer outcome(String token, long claim, Object body) {
        return post("/api/v1/surveys/claims/" + claim + "/outcome", token, body);
    }

    private JsonNode calls(long campaign, String status) {
        return expect(200, get("/api/v1/surveys/calls?campaign=" + campaign + "&status=" + status, admin())).body();
    }

    /** Waits until the purchase events have queued {@code count} calls of the campaign in that status. */
    /** Two members, the happy one first, who bought at the branch 20 and 10 minutes ago; their two calls queued. */
    private TwoBuyers twoBuyersQueued(long campaign, String branch) {
        String happyPhone = newPhone();
        String happy = member(happyPhone, branch);
        String unhappyPhone = newPhone();
        String unhappy = member(unhappyPhone, branch);
        buy(happyPhone, branch, now.minus(Duration.ofMinutes(20)), 10_000);
        buy(unhappyPhone, branch, now.minus(Duration.ofMinutes(10)), 10_000);
        awaitCalls(campaign, "PENDING", 2);
        return new TwoBuyers(happy, unhappy, unhappyPhone);
    }

    private record TwoBuyers(String happy, String unhappy, String unhappyPhone) {
    }

    private JsonNode awaitCalls(long campaign, String status, int count) {
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
            .until(() -> calls(campaign, status).size() == count);
        return calls(campaign, status);
    }

    /** The grants of bashgah-offers waiting for the member's purchase, as {@code <offer id> <ref>}. */
    private List<String> waitingOffers(String member) {
        List<String> grants = new ArrayList<>();
        expect(200, get("/api/v1/offers/members/" + member, admin())).body().path("waiting")
            .forEach(w -> grants.add(w.path("offerId").asText() + " " + w.path("ref").asText()));
        return grants;
    }

    private static Set<String> membersOf(JsonNode calls) {
        Set<String> members = new HashSet<>();
        calls.forEach(c -> members.add(c.path("member").asText()));
        return members;
    }

    private List<JsonNode> callsOf(long campaign, String member) {
        List<JsonNode> of = new ArrayList<>();
        expect(200, get("/api/v1/surveys/calls?campaign=" + campaign + "&member=" + member, admin())).body()
            .forEach(of::add);
        return of;
    }

    private String memberId(String phone) {
        return expect(200, get("/api/v1/members?phone=" + e164(phone).replace("+", "%2B"), admin())).body().get(0)
            .path("id").asText();
    }

    /** A new user of the role at the branch, logged in. */
    private String user(String role, String branch) {
        String name = "sv-" + role.charAt(0) + "-" + newPhone();
        expect(201, post("/api/v1/users", admin(), json("user", name, "password", "surveys-password-1",
            "role", role, "branch", branch)));
        return login(name, "surveys-password-1");
    }

    private static Map<String, Long> questionIds(JsonNode screen) {
        Map<String, Long> ids = new java.util.HashMap<>();
        screen.path("questionnaire").path("questions").forEach(q -> ids.put(q.path("code").asText(), q.path("id").asLong()));
        return ids;
    }

    /** The operator claims and answers one call per line ({scale, nps}; a scale of 0 refuses), until none is left. */
    private void answerAll(String operator, int[][] answers, String comment) {
        for (int[] a : answers) {
            Answer screen = expect(201, claim(operator, json()));
            Map<String, Long> q = questionIds(screen.body());
            Object body = a[0] == 0 ? json("outcome", "REFUSED") : json("outcome", "ANSWERED", "answers", List.of(
                json("question", q.get("overall"), "score", a[0]), json("question", q.get("recommend"), "score", a[1]),
                json("question", q.get("liked"), "choices", List.of("staff")),
                json("question", q.get("comment"), "text", comment)));
            expect(201, outcome(operator, screen.number("claim"), body));
        }
        expect(204, claim(operator, json()));
    }

    private static JsonNode row(JsonNode summary, String key) {
        for (JsonNode r : summary.path("rows")) if (r.path("key").asText().equals(key)) return r;
        throw new AssertionError("no row " + key + " in " + summary);
    }

    private static List<String> outcomes(JsonNode attempts) {
        List<String> list = new ArrayList<>();
        attempts.forEach(a -> list.add(a.path("outcome").asText()));
        return list;
    }

    private long points(String member) {
        return expect(200, get("/api/v1/members/" + member + "/balances", admin())).body().path("points").asLong();
    }

    private void awaitPoints(String member, long points) {
        await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> points(member) == points);
    }

    private List<Event> eventsOf(String topic, String member) {
        return events.stream().filter(e -> e.getTopic().equals(topic) && member.equals(e.getProperty(Events.MEMBER)))
            .toList();
    }

    private long completions(String member) {
        return eventsOf(Events.SURVEY_COMPLETED, member).size();
    }

    /** Runs {@code work} for every token at once (a start gate), and returns what each gave, in token order. */
    private static List<Answer> race(List<String> tokens, java.util.function.Function<String, Answer> work)
        throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> racing = new ArrayList<>();
        try {
            for (String token : tokens) {
                racing.add(pool.submit((Callable<Answer>) () -> {
                    start.await();
                    return work.apply(token);
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : racing) answers.add(f.get(120, TimeUnit.SECONDS));
            return Collections.unmodifiableList(answers);
        } finally {
            pool.shutdownNow();
        }
    }
}
