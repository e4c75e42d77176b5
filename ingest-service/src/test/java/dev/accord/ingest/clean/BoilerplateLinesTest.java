package dev.accord.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateLinesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Subscribe Now!",
            "No comments yet.",
            "You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response.",
            "This entry was posted on Monday, November 5th, 2012 at 11:18 am and is filed under News.",
            "Tags: Election 2012",
            "Posted by: Andrew | Mar 26, 2007 2:00:18 PM",
            "Anonymous said...",
            "WATCH | Palestinians react to the appointment:",
            "We apologize, but this video has failed to load.",
            "Get the latest election news to your phone Join us on WhatsApp",
            "Aktuelle Nachrichten aufs Handy? Hier geht es zur neuen News-App – für Android und iOS.",
            "If you enjoyed this article, enter your email below to get free updates!",
            "Newsletter: Sport inside",
            "Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.",
            "Twitter: @nuttynomads",
            "kokobj@yna.co.kr",
            "Stand: 22.04.2024, 06:00 Uhr",
            "Publiziert heute um 12:19 Uhr",
            "Last updated at 20:55 ET",
            "21 mins ago11:48 Jon King",
            "15.04.2026 - 15:48 UhrLesedauer: 2 Min.",
            "October 19, 2012 10:54 AM",
            "Photo: AFP",
            "Das Wohn- und Pflegeheim in Nußdorf-Debant © Gemeinde Nußdorf-Debant",
            "Fred Willard arrives at the fifth annual BritWeek in Los Angeles. (Matt Sayles/AP Photo)",
            "(Quelle: APA/sda/dpa)",
            "(NTB)",
            "– additional reporting by Donald Matthys",
    })
    void furnitureLinesAreRecognised(String line) {
        assertThat(BoilerplateLines.isFurniture(line)).as(line).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Share prices fell sharply on Tuesday after the announcement.",
            "The report, published on 3 May, found that 40 percent of schools lacked heating.",
            "Updated guidance from the ministry says schools may reopen on Monday, 4 May 2020, if cases keep falling.",
            "1947",
            "15,516",
            "(None)",
            "(by changesets)",
            "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China of coercion.",
            "The magazine, which started as a weekly newsletter, now has two million readers.",
    })
    void proseAndValuesAreNotFurniture(String line) {
        assertThat(BoilerplateLines.isFurniture(line)).as(line).isFalse();
    }
}
