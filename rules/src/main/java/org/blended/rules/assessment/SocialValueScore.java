package org.blended.rules.assessment;

/** The sum of the social value points, inserted once every criterion has counted, and the impact band it falls in. */
public class SocialValueScore {

    private int points;
    private ImpactBand band;

    public SocialValueScore() {
    }

    public SocialValueScore(int points) {
        this.points = points;
    }

    public int getPoints() { return points; }
    public void setPoints(int points) { this.points = points; }
    public ImpactBand getBand() { return band; }
    public void setBand(ImpactBand band) { this.band = band; }
}
