package dev.paperlink.corpus.source.csl;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CslDatesTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            2019-03-15                | 2019-03-15
            2019-03                   | 2019-03
            2019                      | 2019
            2019/03/15                | 2019-03-15
            2022-7-25                 | 2022-07-25
            2014-07-01T15:09:55Z      | 2014-07-01
            2004-04/2005-06           | 2004-04
            2019~                     | 2019
            [2014]                    | 2014
            1989 [1987]               | 1989
            March 2019                | 2019-03
            Sept. 2019                | 2019-09
            15 March 2019             | 2019-03-15
            March 15, 2019            | 2019-03-15
            30-Mar-2020               | 2020-03-30
            24 octobre 2008           | 2008-10-24
            3. Mai 2001               | 2001-05-03
            Summer 1995               | 1995
            July-October 1985         | 1985-07
            15.03.2019                | 2019-03-15
            26/11/2011                | 2011-11-26
            03/04/2019                | 2019
            c. 1900                   | 1900
            0000-00-00 2016           | 2016
            2016-06-27 June 27, 2016  | 2016-06-27
            Spring of 1967, probably  | 1967
            maybe around 2000bc       | ''
            -0044                     | ''
            n.d.                      | ''
            Forthcoming               | ''
            ''                        | ''
            """)
    void parsesFreeText(String raw, String iso) {
        assertEquals(iso == null ? "" : iso, CslDates.parse(raw == null ? "" : raw).map(CslDates.PartialDate::iso).orElse(""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"date-parts": [[2017, 6, 12]]}                     | 2017-06-12
            {"date-parts": [["1995", "3"]]}                     | 1995-03
            {"date-parts": [["2000", "", ""]]}                  | 2000
            {"date-parts": [[2000, 5], [2001, 2]]}              | 2000-05
            {"date-parts": [["1999", "21"], ["2001", "22"]]}     | 1999
            {"date-parts": [[2000]], "season": 3}               | 2000
            {"date-parts": [[325]]}                             | 0325
            {"date-parts": [[-44, 3, 15]]}                      | ''
            {"date-parts": []}                                  | ''
            {"date-parts": [], "literal": "(in press)"}         | ''
            {"date-parts": [], "raw": "Bogus Date"}             | ''
            {"raw": "2019-03-15"}                               | 2019-03-15
            {"literal": "circa 1850"}                           | 1850
            {"year": 2019, "month": 7, "day": 22}               | 2019-07-22
            [{"year": 1968}, {"year": 1970}]                    | 1968
            [2001, 4]                                           | 2001-04
            "2019-03-15"                                        | 2019-03-15
            2019                                                | 2019
            {"date-parts": [[2001, 2, 40]]}                     | 2001-02
            {"date-parts": [["x"]], "raw": "May 2003"}          | 2003-05
            """)
    void readsCslDateVariables(String json, String iso) throws Exception {
        var node = new ObjectMapper().readTree(json);
        assertEquals(iso, CslDates.fromCsl(node).map(CslDates.PartialDate::iso).orElse(""));
    }
}
