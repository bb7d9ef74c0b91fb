#include "web/cases/reference_data.hpp"

#include <algorithm>
#include <array>

namespace rekrut::web {
namespace {

// The official codes of Danmarks Statistik / the CPR register. Christiansø (411) is no municipality.
constexpr Municipality k_municipalities[] = {
    {"165", "Albertslund"}, {"201", "Allerød"},        {"420", "Assens"},        {"151", "Ballerup"},
    {"530", "Billund"},     {"400", "Bornholm"},       {"153", "Brøndby"},       {"810", "Brønderslev"},
    {"155", "Dragør"},      {"240", "Egedal"},         {"561", "Esbjerg"},       {"430", "Faaborg-Midtfyn"},
    {"563", "Fanø"},        {"710", "Favrskov"},       {"320", "Faxe"},          {"210", "Fredensborg"},
    {"607", "Fredericia"},  {"147", "Frederiksberg"},  {"813", "Frederikshavn"}, {"250", "Frederikssund"},
    {"190", "Furesø"},      {"157", "Gentofte"},       {"159", "Gladsaxe"},      {"161", "Glostrup"},
    {"253", "Greve"},       {"270", "Gribskov"},       {"376", "Guldborgsund"},  {"510", "Haderslev"},
    {"260", "Halsnæs"},     {"766", "Hedensted"},      {"217", "Helsingør"},     {"163", "Herlev"},
    {"657", "Herning"},     {"219", "Hillerød"},       {"860", "Hjørring"},      {"316", "Holbæk"},
    {"661", "Holstebro"},   {"615", "Horsens"},        {"167", "Hvidovre"},      {"169", "Høje-Taastrup"},
    {"223", "Hørsholm"},    {"756", "Ikast-Brande"},   {"183", "Ishøj"},         {"849", "Jammerbugt"},
    {"326", "Kalundborg"},  {"440", "Kerteminde"},     {"621", "Kolding"},       {"101", "København"},
    {"259", "Køge"},        {"482", "Langeland"},      {"350", "Lejre"},         {"665", "Lemvig"},
    {"360", "Lolland"},     {"173", "Lyngby-Taarbæk"}, {"825", "Læsø"},          {"846", "Mariagerfjord"},
    {"410", "Middelfart"},  {"773", "Morsø"},          {"707", "Norddjurs"},     {"480", "Nordfyns"},
    {"450", "Nyborg"},      {"370", "Næstved"},        {"727", "Odder"},         {"461", "Odense"},
    {"306", "Odsherred"},   {"730", "Randers"},        {"840", "Rebild"},        {"760", "Ringkøbing-Skjern"},
    {"329", "Ringsted"},    {"265", "Roskilde"},       {"230", "Rudersdal"},     {"175", "Rødovre"},
    {"741", "Samsø"},       {"740", "Silkeborg"},      {"746", "Skanderborg"},   {"779", "Skive"},
    {"330", "Slagelse"},    {"269", "Solrød"},         {"340", "Sorø"},          {"336", "Stevns"},
    {"671", "Struer"},      {"479", "Svendborg"},      {"706", "Syddjurs"},      {"540", "Sønderborg"},
    {"787", "Thisted"},     {"550", "Tønder"},         {"185", "Tårnby"},        {"187", "Vallensbæk"},
    {"573", "Varde"},       {"575", "Vejen"},          {"630", "Vejle"},         {"820", "Vesthimmerlands"},
    {"791", "Viborg"},      {"390", "Vordingborg"},    {"492", "Ærø"},           {"580", "Aabenraa"},
    {"851", "Aalborg"},     {"751", "Aarhus"},
};
static_assert(std::size(k_municipalities) == 98, "Denmark has 98 municipalities");

constexpr OccupationCode k_occupations[] = {
    {"1112", "Øverste ledelse i offentlig administration", "Senior government officials"},
    {"1211", "Ledelse af økonomi", "Finance managers"},
    {"1212", "Ledelse af HR", "Human resource managers"},
    {"1213", "Ledelse af politik og planlægning", "Policy and planning managers"},
    {"1219", "Ledelse af forretningsservice og administration",
     "Business services and administration managers"},
    {"1330", "Ledelse af IT og kommunikationsteknologi", "ICT service managers"},
    {"2142", "Ingeniørarbejde inden for bygge og anlæg", "Civil engineers"},
    {"2166", "Grafisk design og multimediedesign", "Graphic and multimedia designers"},
    {"2310", "Undervisning og forskning ved universiteter", "University and higher education teachers"},
    {"2411", "Revision og regnskab", "Accountants"},
    {"2413", "Finansiel analyse", "Financial analysts"},
    {"2421", "Management- og organisationsanalyse", "Management and organization analysts"},
    {"2422", "Politik- og forvaltningsarbejde", "Policy administration professionals"},
    {"2423", "Personale- og karriererådgivning", "Personnel and careers professionals"},
    {"2424", "Uddannelse og udvikling af personale", "Training and staff development professionals"},
    {"2432", "Kommunikation og PR", "Public relations professionals"},
    {"2511", "Systemanalyse", "Systems analysts"},
    {"2512", "Softwareudvikling", "Software developers"},
    {"2521", "Databasedesign og -administration", "Database designers and administrators"},
    {"2522", "Systemadministration", "Systems administrators"},
    {"2529", "IT-sikkerhed og netværk", "Database and network professionals not elsewhere classified"},
    {"2611", "Advokatarbejde", "Lawyers"},
    {"2619", "Juridisk arbejde", "Legal professionals not elsewhere classified"},
    {"2621", "Arkiv- og museumsarbejde", "Archivists and curators"},
    {"2622", "Biblioteksarbejde", "Librarians and related information professionals"},
    {"2631", "Økonomisk arbejde", "Economists"},
    {"2632", "Sociologisk og antropologisk arbejde",
     "Sociologists, anthropologists and related professionals"},
    {"2634", "Psykologarbejde", "Psychologists"},
    {"2635", "Socialrådgivning", "Social work and counselling professionals"},
    {"2642", "Journalistisk arbejde", "Journalists"},
    {"3313", "Bogføring og regnskab", "Accounting associate professionals"},
    {"3343", "Administrativt sekretærarbejde", "Administrative and executive secretaries"},
    {"3352", "Skatte- og afgiftsarbejde", "Government tax and excise officials"},
    {"4110", "Almindeligt kontorarbejde", "General office clerks"},
    {"4120", "Sekretærarbejde", "Secretaries (general)"},
    {"4311", "Bogholderi", "Accounting and bookkeeping clerks"},
    {"4313", "Lønbogholderi", "Payroll clerks"},
    {"4415", "Arkivering og kopiering", "Filing and copying clerks"},
};

bool all_digits(std::string_view text)
{
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

std::span<const Municipality> municipalities()
{
    return k_municipalities;
}

const Municipality* municipality_by_code(std::string_view code)
{
    for (const auto& municipality : k_municipalities)
        if (municipality.code == code)
            return &municipality;
    return nullptr;
}

std::span<const OccupationCode> common_occupation_codes()
{
    return k_occupations;
}

bool is_valid_occupation_code(std::string_view code)
{
    if (code.size() == 4 || code.size() == 6)
        return all_digits(code);
    return code.size() == 7 && code[4] == '.' && all_digits(code.substr(0, 4)) && all_digits(code.substr(5));
}

std::string occupation_text(std::string_view code, const std::string& language)
{
    std::string text(code);
    for (const auto& occupation : k_occupations)
        if (code.substr(0, 4) == occupation.code && is_valid_occupation_code(code))
            return text + " " + std::string(language == "en" ? occupation.english : occupation.danish);
    return text;
}

std::string municipality_text(std::string_view code)
{
    if (const auto* municipality = municipality_by_code(code))
        return std::string(municipality->name) + " (" + std::string(code) + ")";
    return std::string(code);
}

} // namespace rekrut::web
