package uk.gov.placements.referral;

public enum ReferralStatus { CARER_REVIEW, TRIAGE, MORE_INFORMATION, SEARCHING, SELECTING, AWAITING_APPROVAL, PLACED }
