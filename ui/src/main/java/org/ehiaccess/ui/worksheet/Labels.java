package org.ehiaccess.ui.worksheet;

import java.util.HashMap;
import java.util.Map;

/**
 * The catalog's values in a clinic's words. The catalog names values for machines
 * ({@code individualized_determination}); people read "A licensed clinician's individualized determination". A value
 * not listed here is shown with its underscores as spaces.
 */
public final class Labels {

    private static final Map<String, String> VALUES = new HashMap<>();
    private static final Map<String, String> BY_FACT = new HashMap<>();

    private static void v(String value, String label) {
        VALUES.put(value, label);
    }

    /** A label that only holds for one fact's value (the same word means different things elsewhere). */
    private static void f(String fact, String value, String label) {
        BY_FACT.put(fact + "=" + value, label);
    }

    static {
        // practice
        v("deny", "Deny the request");
        v("delay", "Delay it");
        v("limit_scope", "Provide part of it, withholding some information");
        v("condition_on_form_or_step", "Require a form or another step first");
        v("charge_fee", "Charge a fee");
        v("alternative_manner", "Provide it in another manner");
        v("license_terms", "Require licence terms");
        v("redirect_to_tefca", "Send the requester to TEFCA");
        v("make_unavailable", "Make the information or a system unavailable");
        v("fulfill_as_requested", "Fulfil it as requested");
        // claimed basis
        f("practice.claimed_basis", "none", "None chosen yet: check every exception that could apply");
        v("required_by_law", "Required by law (171.103(a)(1))");
        v("preventing_harm", "Preventing harm (171.201)");
        v("privacy_precondition", "Privacy: a precondition is not met (171.202(b))");
        v("privacy_hipaa_unreviewable", "Privacy: HIPAA unreviewable denial (171.202(d))");
        v("privacy_individual_request", "Privacy: the individual asked not to share (171.202(e))");
        v("security", "Security (171.203)");
        v("infeasibility", "Infeasibility (171.204)");
        v("health_it_performance", "Health IT performance (171.205)");
        v("protecting_care_access", "Protecting care access (171.206)");
        v("manner", "Manner (171.301)");
        v("fees", "Fees (171.302)");
        v("licensing", "Licensing (171.303)");
        v("tefca_manner", "TEFCA manner (171.403)");
        // motive
        v("unpaid_balance", "The patient owes money");
        v("clinician_review_before_release", "A clinician wants to review it first");
        v("emotional_distress_concern", "It may upset the patient");
        v("general_privacy_concern", "A general privacy concern");
        v("convenience_or_staffing", "Convenience or staffing");
        v("revenue_or_fee", "Revenue or a fee");
        v("competitor_requester", "The requester is a competitor");
        v("vendor_limitation", "A limitation of the EHR vendor");
        v("legal_mandate", "A law requires it");
        v("patient_request", "The patient asked for it");
        v("safety_risk", "A risk to someone's safety");
        v("security_threat", "A security threat");
        v("downtime", "A system outage or downtime");
        v("reproductive_care_legal_risk", "Legal risk around reproductive care");
        f("practice.motive", "other", "Another reason");
        // requester
        v("patient", "Patient");
        v("personal_representative", "Personal representative");
        v("parent_or_guardian_of_minor", "Parent or guardian of a minor");
        v("other_provider_treatment", "Other provider (treatment)");
        v("payer", "Payer or health plan");
        v("third_party_app_patient_directed", "Third-party app (patient-directed)");
        v("app_developer_business", "App developer (business)");
        v("hie_hin", "HIE or health information network");
        v("law_enforcement", "Law enforcement");
        v("attorney_or_court", "Attorney or court");
        v("employer_or_life_insurer", "Employer or life insurer");
        v("researcher", "Researcher");
        v("public_health", "Public health");
        // purpose
        v("individual_access", "Patient's own access (right of access)");
        v("treatment", "Treatment");
        v("payment", "Payment");
        v("operations", "Health care operations");
        v("legal_proceeding", "Legal proceeding");
        v("law_enforcement_investigation", "Law enforcement investigation");
        v("research", "Research");
        f("request.purpose", "unknown", "Not known");
        // EHI classes
        v("lab_result", "Lab results");
        v("imaging_result", "Imaging results");
        v("clinical_note", "Clinical notes");
        v("psychotherapy_note", "Psychotherapy notes");
        v("litigation_material", "Material prepared for litigation");
        v("medications_problems_allergies", "Medications, problems and allergies");
        v("billing", "Billing records");
        v("sud_part2", "Substance use disorder records (Part 2)");
        v("reproductive_health", "Reproductive health care");
        v("minor_confidential_service", "Minor's confidential services");
        v("hiv_sti", "HIV and STI");
        v("behavioral_health_other", "Other behavioral health");
        v("full_record", "Full record");
        // manner
        v("portal_view_download", "Portal: view and download");
        v("fhir_api_170_215", "FHIR API (certified, 170.215)");
        v("direct_ccda", "Direct message with C-CDA");
        v("hie_or_tefca", "HIE or TEFCA");
        v("secure_email", "Secure email");
        v("unencrypted_email", "Unencrypted email");
        v("fax", "Fax");
        v("paper_mail", "Paper copy by mail");
        v("cd_usb", "CD or USB drive");
        v("proprietary_format", "Proprietary format");
        v("inspection_in_person", "Inspection in person");
        v("write_back_modification", "Write back or modification");
        // preventing harm
        v("individualized_determination", "A licensed clinician's individualized determination (c)(1)");
        v("data_misidentified_or_erroneous", "Data known or suspected to be misidentified or erroneous (c)(2)");
        v("patient_own_access", "The patient's own access");
        v("legal_representative_access", "A legal or personal representative's access");
        v("references_other_person", "Information that references another person");
        v("other_permissible_use", "Another legally permissible use");
        v("life_or_physical_safety", "Danger to life or physical safety");
        v("substantial_harm", "Substantial harm");
        v("emotional_or_psychological_only", "Emotional or psychological distress only");
        v("speculative_or_general", "Speculative or general harm");
        v("organizational_policy", "A written organizational policy");
        v("case_specific_determination", "A determination made for this case");
        // privacy
        v("precondition_not_satisfied", "A precondition required by law is not met (b)");
        v("hipaa_unreviewable_denial", "A HIPAA unreviewable denial ground (d)");
        v("individual_request_not_to_share", "The individual asked not to share (e)");
        v("hipaa_authorization", "HIPAA authorization");
        v("part2_consent", "Part 2 consent");
        v("state_law_consent", "Consent under state law");
        v("identity_verification", "Identity verification");
        v("authority_verification", "Verification of authority");
        v("court_order_or_legal_process", "Court order or legal process");
        v("written_policy_with_training", "A written policy, with training");
        v("case_by_case_record", "A record made case by case");
        v("excepted_information", "Excepted information (psychotherapy notes, litigation material)");
        v("inmate_copy", "An inmate's copy request");
        v("research_suspension_agreed", "Research suspension the individual agreed to");
        v("privacy_act", "Privacy Act records");
        v("confidential_non_provider_source", "Obtained in confidence from someone other than a provider");
        // security
        f("security.path", "case_determination", "A determination made for this case");
        // infeasibility
        v("uncontrollable_event", "An uncontrollable event (disaster, outage, strike...) (a)(1)");
        v("segmentation", "The information cannot be segmented (a)(2)");
        v("third_party_modification_use", "A third party seeks to modify the record (a)(3)");
        v("manner_exception_exhausted", "The manner exception was exhausted (a)(4)");
        v("infeasible_under_circumstances", "Infeasible under the circumstances (a)(5)");
        v("individual_preference", "The individual's preference");
        v("prohibited_by_law", "A law prohibits sharing it");
        v("withholdable_under_171_201", "It may be withheld under 171.201");
        v("withholdable_under_171_202", "It may be withheld under 171.202");
        v("withholdable_under_171_206", "It may be withheld under 171.206");
        // performance
        v("maintenance_or_improvement", "Maintenance or improvement");
        v("third_party_app_degrading_performance", "A third-party app degrades performance");
        v("to_prevent_harm", "To prevent harm");
        v("security_related", "Security");
        // protecting care access
        f("pca.protected_party", "patient", "The patient");
        v("provider_or_facilitator", "A provider or facilitator of care");
        v("both", "Both");
        v("written_policy", "A written policy");
        v("contemporaneous_case_determination", "A determination made at the time, for this case");
        // manner
        v("technically_unable", "The clinic is technically unable");
        v("no_agreeable_terms", "No agreeable terms could be reached");
        v("staff_preference", "Staff preference");
        v("certified_tech_specified_by_requester", "Certified technology the requester specified (b)(1)(i)");
        v("published_standard_specified_by_requester", "A published standard the requester specified (b)(1)(ii)");
        v("agreed_machine_readable_format", "A machine-readable format agreed with the requester (b)(1)(iii)");
        v("non_machine_readable", "Not machine-readable (paper, PDF, fax)");
        // fees
        v("individual_or_designee", "The individual or their designee");
        v("other_provider", "Another provider");
        v("app_developer", "An app developer");
        v("attorney_or_other_third_party", "An attorney or another third party");
        v("competitor", "The requester is a competitor");
        v("requester_revenue_or_value", "The requester's revenue or the value to them");
        v("nonstandard_implementation", "A non-standard implementation");
        v("intangible_assets", "Intangible assets");
        v("opportunity_cost", "Opportunity cost");
        v("ip_cost_recovered_by_royalty", "IP costs already recovered by a royalty");
        // licensing
        v("non_compete", "Non-compete");
        v("exclusive_dealing", "Exclusive dealing");
        v("tying_unrelated_products", "Tying unrelated products");
        v("ip_grant_back", "IP grant-back");
        v("other_fee", "Another fee");
        // HIPAA
        v("a1_psychotherapy_notes", "(a)(1) Psychotherapy notes");
        v("a1_litigation_material", "(a)(1) Material compiled for litigation");
        v("a2_inmate", "(a)(2) Inmate's copy request");
        v("a2_research_suspension", "(a)(2) Research suspension");
        v("a2_privacy_act", "(a)(2) Privacy Act records");
        v("a2_confidential_source", "(a)(2) Confidential source other than a provider");
        v("a3_life_or_physical_safety", "(a)(3)(i) Danger to life or physical safety (reviewable)");
        v("a3_references_other_person", "(a)(3)(ii) Substantial harm to another person referenced (reviewable)");
        v("a3_personal_representative", "(a)(3)(iii) Substantial harm through a personal representative (reviewable)");
        // actor and rulesets
        v("health_care_provider", "Health care provider");
        v("certified_hit_developer", "Developer of certified health IT");
        v("hin_hie", "HIN or HIE");
        v("mips", "MIPS");
        v("mssp", "Medicare Shared Savings Program");
        v("hospital_pi", "Hospital Promoting Interoperability");
        v("none", "None");
        v("other", "Other");
        v("unknown", "Not known");
    }

    private Labels() {
    }

    /** The words for a value of a fact. */
    public static String value(String factId, String value) {
        if (value == null) {
            return "";
        }
        String specific = BY_FACT.get(factId + "=" + value);
        if (specific != null) {
            return specific;
        }
        String label = VALUES.get(value);
        return label != null ? label : value.replace('_', ' ');
    }

    /** The words for a value of any fact. */
    public static String value(String value) {
        return value(null, value);
    }

    /** The verdict in the clinic's words. Never a label of the practice: not_covered is "no exception covers it". */
    public static String verdict(String verdict) {
        if (verdict == null) {
            return "No verdict yet";
        }
        return switch (verdict) {
            case "covered" -> "Covered by an exception";
            case "required_by_law" -> "Required by law";
            case "not_covered" -> "No exception covers this practice";
            case "needs_more_facts" -> "More facts needed";
            case "out_of_scope" -> "Out of scope: not electronic health information";
            default -> verdict.replace('_', ' ');
        };
    }

    /** What a duty with a due date is. */
    public static String obligation(String id) {
        if (id == null) {
            return "";
        }
        return switch (id) {
            case "infeasibility_written_notice" -> "Written reasons to the requester (within 10 business days)";
            case "hipaa_action" -> "Act on the individual's request (HIPAA: 30 days, 60 with a timely extension)";
            case "licensing_negotiation_start" -> "Begin licence negotiations (within 10 business days)";
            case "licensing_offer" -> "Offer the licence (within 30 business days)";
            default -> id.replace('_', ' ');
        };
    }

    public static String obligationStatus(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "pending" -> "Pending";
            case "met" -> "Met";
            case "missed" -> "Missed";
            case "unknown" -> "Not known yet: record when the clinic acted";
            default -> status;
        };
    }

    public static String hipaaStatus(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "compliant" -> "Meets the right of access";
            case "noncompliant" -> "Does not meet the right of access";
            case "not_applicable" -> "Does not apply to this requester";
            case "needs_more_facts" -> "More facts needed";
            default -> status.replace('_', ' ');
        };
    }
}
