#include <gtest/gtest.h>

#include "integrations/jobnet_xml.hpp"

namespace rekrut::integrations::jobnet {
namespace {

JobAd complete_ad()
{
    JobAd ad;
    ad.reference = "12345678-42";
    ad.employer_cvr = "12345678";
    ad.title = "Fuldmægtig til økonomi & løn <HR>";
    ad.description_html = "<p>Vi søger en kollega, der vil \"det hele\".</p>";
    ad.workplace = {"Demovej 1", "1000", "København K", "101"};
    ad.contact = {"Åse Ørsted", "Kontorchef", "aase@example.test", "+45 11 22 33 44"};
    ad.occupation_code = "2411";
    ad.publication_start = "2026-12-01";
    ad.publication_end = "2027-01-15";
    ad.application_deadline = "2027-01-15T11:00:00Z";
    ad.application_url = "https://rekrut.example.test/positions/42";
    return ad;
}

bool has_field(const std::vector<core::FieldError>& problems, const std::string& field)
{
    for (const auto& problem : problems)
        if (problem.field == field)
            return true;
    return false;
}

TEST(JobnetXml, RequestCarriesCredentialsAndEveryFieldEscaped)
{
    JobAd ad = complete_ad();
    std::string xml = write_request(k_default_namespace, "user<1>", "p&ss", Operation::add, &ad, "", "");
    EXPECT_NE(xml.find("xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""), std::string::npos);
    EXPECT_NE(xml.find("xmlns:j=\"urn:jobnet:jobad:1\""), std::string::npos);
    EXPECT_NE(xml.find("<j:AddJob>"), std::string::npos);
    EXPECT_NE(xml.find("økonomi &amp; løn &lt;HR&gt;"), std::string::npos) << xml;
    EXPECT_NE(xml.find("&lt;p&gt;Vi søger"), std::string::npos) << "the ad's HTML travels as text";
    EXPECT_EQ(xml.find("<p>"), std::string::npos);

    auto read = read_request(xml);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(read->operation, Operation::add);
    EXPECT_EQ(read->username, "user<1>");
    EXPECT_EQ(read->password, "p&ss");
    EXPECT_EQ(read->ad.title, ad.title);
    EXPECT_EQ(read->ad.description_html, ad.description_html);
    EXPECT_EQ(read->ad.workplace.city, "København K");
    EXPECT_EQ(read->ad.contact.name, "Åse Ørsted");
    EXPECT_EQ(read->ad.occupation_code, "2411");
    EXPECT_TRUE(read->ad.permanent);
    EXPECT_TRUE(read->ad.full_time);
    EXPECT_DOUBLE_EQ(read->ad.weekly_hours, 37);
    EXPECT_EQ(read->ad.publication_end, "2027-01-15");
    EXPECT_TRUE(check_job_ad(read->ad).empty());
}

TEST(JobnetXml, OperationsWithoutAnAdCarryTheIdOrReference)
{
    auto close =
        read_request(write_request(k_default_namespace, "u", "p", Operation::close, nullptr, "JN100001", ""));
    ASSERT_TRUE(close);
    EXPECT_EQ(close->operation, Operation::close);
    EXPECT_EQ(close->job_id, "JN100001");
    auto get =
        read_request(write_request(k_default_namespace, "u", "p", Operation::get, nullptr, "", "ref-7"));
    ASSERT_TRUE(get);
    EXPECT_EQ(get->operation, Operation::get);
    EXPECT_EQ(get->reference, "ref-7");
    EXPECT_TRUE(get->job_id.empty());
}

TEST(JobnetXml, RepliesAndFaultsAreReadBack)
{
    auto reply = read_reply(write_reply(k_default_namespace, Operation::publish,
                                        {"JN100001", "ref", "NotApproved", "Alder & køn"}));
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->job_id, "JN100001");
    EXPECT_EQ(reply->status, "NotApproved");
    EXPECT_EQ(reply->reason, "Alder & køn");

    auto refused = read_reply(write_fault({"Client", "The ad lacks required fields"}));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, core::ErrorKind::invalid);
    EXPECT_EQ(refused.error().message, "The ad lacks required fields");
    EXPECT_EQ(read_reply(write_fault({"Client.NotFound", "x"})).error().kind, core::ErrorKind::not_found);
    EXPECT_EQ(read_reply(write_fault({"Client.Authentication", "x"})).error().kind,
              core::ErrorKind::unauthorized);
    EXPECT_EQ(read_reply(write_fault({"Server", "x"})).error().kind, core::ErrorKind::unavailable);
}

TEST(JobnetXml, UnreadableInputIsRefused)
{
    EXPECT_FALSE(read_request(""));
    EXPECT_FALSE(read_request("<html><body>Internal error</body></html>"));
    EXPECT_FALSE(read_request("<Envelope><Body><AddJob/></Body></Envelope>")) << "not in the SOAP namespace";
    std::string with_entities = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY a \"aaaaaaaaaa\">]>"
                                "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                                "<soap:Body><GetJob><JobId>&a;</JobId></GetJob></soap:Body></soap:Envelope>";
    EXPECT_FALSE(read_request(with_entities)) << "a DTD is refused";
    std::string unknown = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                          "<soap:Body><DropTables/></soap:Body></soap:Envelope>";
    EXPECT_FALSE(read_request(unknown));
    EXPECT_EQ(read_reply("not xml").error().kind, core::ErrorKind::unavailable);
}

TEST(JobnetXml, HtmlSubsetKeepsStructureAndText)
{
    EXPECT_EQ(to_jobnet_html("<h2>Om stillingen</h2><p>Tekst med <strong>fed</strong> og "
                             "<a href=\"https://example.test\">et link</a>.</p>"),
              "<p><strong>Om stillingen</strong></p><p>Tekst med <strong>fed</strong> og et link.</p>");
    EXPECT_EQ(to_jobnet_html("<ul class=\"x\"><li>En</li><li>To<br></li></ul>"),
              "<ul><li>En</li><li>To<br/></li></ul>");
    EXPECT_EQ(to_jobnet_html("<P>Æ &amp; ø</P><table><tr><td>celle</td></tr></table>"),
              "<p>Æ &amp; ø</p>celle");
}

TEST(JobnetXml, CheckNamesEachMissingItemOnItsField)
{
    EXPECT_TRUE(check_job_ad(complete_ad()).empty());
    JobAd ad = complete_ad();
    ad.employer_cvr = "1234";
    ad.workplace = {"", "12", "", "1"};
    ad.contact.phone = "";
    ad.occupation_code = "24";
    ad.positions = 0;
    auto problems = check_job_ad(ad);
    for (const char* field : {"employer_cvr", "place_of_work", "work_postcode", "work_city",
                              "municipality_code", "contact_name", "occupation_code", "positions"})
        EXPECT_TRUE(has_field(problems, field)) << field;
    JobAd precise = complete_ad();
    precise.occupation_code = "2411.10";
    EXPECT_TRUE(check_job_ad(precise).empty());
}

TEST(JobnetXml, PublicationLastsAtMostEightWeeks)
{
    JobAd ad = complete_ad();
    ad.publication_start = "2026-12-01";
    ad.publication_end = "2027-01-26"; // 56 days
    EXPECT_TRUE(check_job_ad(ad).empty());
    ad.publication_end = "2027-01-27"; // 57 days
    EXPECT_TRUE(has_field(check_job_ad(ad), "deadline_date"));
    ad.publication_end = "2026-11-30";
    EXPECT_TRUE(has_field(check_job_ad(ad), "deadline_date")) << "an end before the start";
    ad.publication_start = "2027-02-01";
    ad.publication_end = "2027-02-29"; // not a leap year
    EXPECT_TRUE(has_field(check_job_ad(ad), "deadline_date"));
}

} // namespace
} // namespace rekrut::integrations::jobnet
