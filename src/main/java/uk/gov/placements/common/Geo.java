package uk.gov.placements.common;

/** Great-circle distance between two points, in miles (haversine). */
public final class Geo {
    private static final double EARTH_RADIUS_MILES = 3958.8;
    /** The furthest a referral or a register search may look: beyond it a search would read the whole of Britain. */
    public static final int MAX_DISTANCE_MILES = 500;

    private Geo() {
    }

    public static double miles(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return EARTH_RADIUS_MILES * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    /** One decimal place, as shown to people and stored. */
    public static double round(double miles) {
        return Math.round(miles * 10) / 10.0;
    }
}
