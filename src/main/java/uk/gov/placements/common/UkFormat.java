package uk.gov.placements.common;


import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the product writes what a person reads, in forms, task names, pages, e-mails and letters alike: dates
 * dd/mm/yyyy, times HH:mm in UK time, amounts £1,234.00, and every code its plain-English label. Everything a
 * person reads is formatted here so that no two places disagree ("£3900" in one, "£4,200" in another).
 * Machine formats (ISO dates in the API, timer dates, the SSDA903 file) are not this class's business.
 */
public final class UkFormat {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);

    private static final Pattern CHOSEN_OPTION = Pattern.compile("OPTION \\d+ \\(rank (\\d+|null)\\)");

    /** Only the outcomes whose words are not the code in sentence case ("WAIVED" reads "Waived" without a line here). */
    private static final Map<String, String> OUTCOMES = Map.ofEntries(
            Map.entry("APPROVE", "Approved"), Map.entry("REJECT", "Rejected"), Map.entry("RETURN", "Returned to the social worker"),
            Map.entry("ACCEPT", "Accepted for a search"), Map.entry("MORE_INFORMATION", "More information asked for"),
            Map.entry("RESTRICTED_TO_IN_HOUSE", "Restricted to the council's own provision"),
            Map.entry("EXTERNAL_SEARCH", "Independent providers to be asked"),
            Map.entry("TEAM_MANAGER", "Team manager (informal)"), Map.entry("HEAD_OF_SERVICE", "Head of service (formal)"),
            Map.entry("ASSISTANT_DIRECTOR", "Assistant director (formal)"), Map.entry("DIRECTOR", "Director (formal)"),
            Map.entry("ESCALATE", "Escalated"), Map.entry("REFER_TO_CAFCASS", "Referred to Cafcass"));

    public static final Map<String, String> REVIEW_OUTCOMES = Map.of("ENDORSED", "Care plan endorsed", "CONCERNS", "Concerns raised");

    /**
     * Every enum whose codes people read: the shared codes, whose words are kept here, and each module's own codes,
     * which carry theirs ({@link Labelled}) and are found on the classpath, so no module has to be named here.
     */
    public static final List<Class<? extends Enum<?>>> LABELLED = Stream.concat(
            Stream.of(NeedCode.class, PlacementType.class, OfstedRating.class, Urgency.class, LegalStatus.class),
            LabelledCodes.find("uk.gov.placements").stream()).toList();

    public static final Map<String, String> DECLINE_REASONS = Map.of("NO_VACANCY", "No vacancy",
            "CANNOT_MEET_NEEDS", "Cannot meet the child's needs", "MATCHING_RISK", "Matching risk with children in the home",
            "LOCATION", "Location", "STAFFING", "Staffing", "OTHER", "Other");

    private static final Map<Class<?>, Map<? extends Enum<?>, String>> LABELS = new HashMap<>();

    private UkFormat() {
    }

    /** A day as people in the UK write it: 16/12/2026. */
    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** An instant as a UK wall-clock date and time, summer or winter: 03/12/2026 15:00. */
    public static String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(UkTime.LONDON));
    }

    /** An amount in pounds, always with pence and thousands separators: £3,900.00. */
    public static String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat pounds = new DecimalFormat("£#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        pounds.setRoundingMode(RoundingMode.HALF_UP);
        return pounds.format(amount);
    }

    public static String money(double amount) {
        return money(BigDecimal.valueOf(amount));
    }

    /** A distance in miles to one decimal place: 12.3. */
    public static String miles(double miles) {
        return BigDecimal.valueOf(miles).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** The plain-English label of a code a person reads; a code with no label is a programming error, not a blank. */
    public static String label(Enum<?> code) {
        if (code == null) {
            return "";
        }
        String label = code instanceof Labelled labelled ? labelled.label()
                : LABELS.getOrDefault(code.getDeclaringClass(), Map.of()).get(code);
        if (label == null) {
            throw new IllegalArgumentException("No plain-English label for " + code.getDeclaringClass().getSimpleName() + "." + code.name());
        }
        return label;
    }

    /** A provider's reason for declining a referral (one of {@code ProviderReferrals.DECLINE_REASONS}). */
    public static String declineReason(String code) {
        if (code == null) {
            return "";
        }
        String label = DECLINE_REASONS.get(code);
        if (label == null) {
            throw new IllegalArgumentException("No plain-English label for decline reason " + code);
        }
        return label;
    }

    /** A child's recorded sex (FEMALE, MALE, OTHER, NOT_STATED) as it reads in a sentence: "age 14, female". */
    public static String sex(String code) {
        if (code == null || code.isBlank() || "NOT_STATED".equals(code)) {
            return "sex not stated";
        }
        return code.toLowerCase(Locale.UK);
    }

    /**
     * Every code's label, for the product's pages (a report's chart names its bars with these): one place, so the
     * pages never write their own. A code two lists share (PARENT_AND_CHILD) reads the same in both.
     */
    public static Map<String, String> allLabels() {
        Map<String, String> all = new TreeMap<>();
        LABELLED.forEach(type -> Arrays.stream(type.getEnumConstants()).forEach(code -> all.putIfAbsent(code.name(), label(code))));
        all.putAll(DECLINE_REASONS);
        all.putAll(REVIEW_OUTCOMES);
        return all;
    }

    /**
     * A recorded decision's outcome as people read it. The audit keeps the outcome as it was written (the API and the
     * auditors read that), so the words are made here, when it is shown: "WAIVED" → "Waived", "OPTION 65 (rank 1)" →
     * "Rank 1 chosen", "ESCALATED_TO heads-of-service" → "Escalated to heads of service".
     */
    public static String outcome(String recorded) {
        if (recorded == null || recorded.isBlank()) {
            return "";
        }
        String known = OUTCOMES.getOrDefault(recorded, REVIEW_OUTCOMES.get(recorded));
        if (known != null) {
            return known;
        }
        Matcher option = CHOSEN_OPTION.matcher(recorded);
        if (option.matches()) {
            return "null".equals(option.group(1)) ? "An unranked option chosen" : "Rank " + option.group(1) + " chosen";
        }
        // anything else is a phrase in capitals and codes ("SENT TO 3 PROVIDERS", "ESCALATED_TO heads-of-service"):
        // written as a sentence, the ids dropped
        String words = recorded.replaceAll(" from provider \\d+$", "").replaceAll(" provider \\d+$", "")
                .replace('_', ' ').replace('-', ' ').toLowerCase(Locale.UK).trim();
        return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** An IRO review's outcome as recorded from the Hold review form. */
    public static String reviewOutcome(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String label = REVIEW_OUTCOMES.get(code);
        if (label == null) {
            throw new IllegalArgumentException("No plain-English label for review outcome " + code);
        }
        return label;
    }

    private static <E extends Enum<E>> void labels(Class<E> type, Map<E, String> labels) {
        LABELS.put(type, new EnumMap<>(labels));
    }

    static {
        // the 903's codes stay in front: councils' staff and the DfE's guidance both use them
        labels(LegalStatus.class, Map.ofEntries(
                Map.entry(LegalStatus.C1, "C1 — Interim care order"),
                Map.entry(LegalStatus.C2, "C2 — Full care order"),
                Map.entry(LegalStatus.D1, "D1 — Freeing order granted"),
                Map.entry(LegalStatus.E1, "E1 — Placement order granted"),
                Map.entry(LegalStatus.J1, "J1 — Remanded to local authority accommodation or youth detention accommodation"),
                Map.entry(LegalStatus.J2, "J2 — Placed in local authority accommodation under PACE"),
                Map.entry(LegalStatus.J3, "J3 — Sentenced to a youth rehabilitation order with a residence requirement"),
                Map.entry(LegalStatus.L1, "L1 — Under police protection and in local authority accommodation"),
                Map.entry(LegalStatus.L2, "L2 — Emergency protection order"),
                Map.entry(LegalStatus.L3, "L3 — Under a child assessment order and in local authority accommodation"),
                Map.entry(LegalStatus.V2, "V2 — Single period of accommodation under section 20"),
                Map.entry(LegalStatus.V3, "V3 — Agreed series of short-term breaks, each episode recorded"),
                Map.entry(LegalStatus.V4, "V4 — Agreed series of short-term breaks, agreements recorded")));
        labels(NeedCode.class, Map.ofEntries(
                Map.entry(NeedCode.AUTISM, "Autism"),
                Map.entry(NeedCode.LEARNING_DISABILITY, "Learning disability"),
                Map.entry(NeedCode.PHYSICAL_DISABILITY, "Physical disability"),
                Map.entry(NeedCode.EMOTIONAL_BEHAVIOURAL, "Emotional and behavioural needs"),
                Map.entry(NeedCode.MENTAL_HEALTH, "Mental health"),
                Map.entry(NeedCode.SELF_HARM, "Self-harm"),
                Map.entry(NeedCode.SUBSTANCE_MISUSE, "Substance misuse"),
                Map.entry(NeedCode.SEXUAL_EXPLOITATION_RISK, "Risk of sexual exploitation"),
                Map.entry(NeedCode.CRIMINAL_EXPLOITATION_RISK, "Risk of criminal exploitation"),
                Map.entry(NeedCode.GOING_MISSING, "Going missing"),
                Map.entry(NeedCode.UNACCOMPANIED_ASYLUM_SEEKING, "Unaccompanied asylum-seeking child"),
                Map.entry(NeedCode.SIBLING_GROUP, "Sibling group"),
                Map.entry(NeedCode.PARENT_AND_CHILD, "Parent and child"),
                Map.entry(NeedCode.EHCP_EDUCATION, "Education, health and care plan")));
        labels(PlacementType.class, Map.of(
                PlacementType.FOSTER, "Foster care",
                PlacementType.CHILDRENS_HOME, "Children's home",
                PlacementType.RESIDENTIAL_SCHOOL, "Residential school",
                PlacementType.SECURE_CHILDRENS_HOME, "Secure children's home",
                PlacementType.PARENT_AND_CHILD, "Parent and child placement",
                PlacementType.SUPPORTED_ACCOMMODATION, "Supported accommodation"));
        labels(OfstedRating.class, Map.of(
                OfstedRating.OUTSTANDING, "Outstanding",
                OfstedRating.GOOD, "Good",
                OfstedRating.REQUIRES_IMPROVEMENT, "Requires improvement",
                OfstedRating.INADEQUATE, "Inadequate",
                OfstedRating.NOT_YET_INSPECTED, "Not yet inspected"));
        labels(Urgency.class, Map.of(Urgency.EMERGENCY, "Emergency", Urgency.URGENT, "Urgent", Urgency.PLANNED, "Planned"));
    }
}
