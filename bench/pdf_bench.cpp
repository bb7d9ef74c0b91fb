// The employment letter as a PDF (bench/pdf.sh): renders a two-page Danish letter N times on one
// thread and prints the mean, median and 99th percentile per document. The first render, which
// loads fontconfig's cache and the fonts, is timed apart and not counted.
//
//   rekrut_pdf_bench [N]     N renders after the first (default 200)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <string>
#include <string_view>
#include <time.h>
#include <vector>

#include "integrations/pdf_document.hpp"

namespace {

using rekrut::integrations::PdfBlock;
using rekrut::integrations::PdfDocument;
using Kind = PdfBlock::Kind;

/// A made-up appointment at a made-up institution, long enough for two A4 pages.
PdfDocument employment_letter()
{
    PdfDocument letter;
    letter.title = "Ansættelsesbrev";
    letter.letterhead = {"Styrelsen for Dataforsyning og Infrastruktur", "Lindholm Brygge 31",
                         "9400 Nørresundby"};
    letter.reference = "Sagsnr. 2026-0042";
    letter.date_line = "1. december 2026";
    letter.footer = "Styrelsen for Dataforsyning og Infrastruktur · Lindholm Brygge 31 · 9400 Nørresundby";
    letter.blocks = {
        {Kind::paragraph, "Kære Åse Ørnebjerg", {}},
        {Kind::paragraph,
         "Vi bekræfter hermed, at du er ansat som fuldmægtig i Kontoret for Økonomi og Personale fra "
         "1. februar 2027. Ansættelsen sker på de vilkår, der fremgår af dette brev, og i øvrigt efter "
         "overenskomst for akademikere i staten med tilhørende aftaler.",
         {}},
        {Kind::heading, "Arbejdssted og arbejdstid", {}},
        {Kind::paragraph,
         "Dit arbejdssted er styrelsens kontor i Nørresundby. Den gennemsnitlige ugentlige arbejdstid er "
         "37 timer. Arbejdstiden tilrettelægges efter de regler, der gælder på arbejdsstedet, herunder "
         "arbejdstidsaftalen for statens område og lokale retningslinjer for fleksibel arbejdstid.",
         {}},
        {Kind::heading, "Løn", {}},
        {Kind::table_row, {}, {"Basisløn", "Løntrin 4", "32.467,55 kr. pr. måned"}},
        {Kind::table_row, {}, {"Kvalifikationstillæg", "Varigt", "2.500,00 kr. pr. måned"}},
        {Kind::table_row, {}, {"Pension", "17,1 % af lønnen", "Akademikernes Pensionskasse"}},
        {Kind::paragraph,
         "Lønnen udbetales månedsvis bagud og indsættes på din NemKonto. Beløbene er angivet i "
         "grundbeløb pr. 31. marts 2012 og reguleres med de til enhver tid gældende procentreguleringer.",
         {}},
    };
    const char* clauses[][2] = {
        {"Prøvetid",
         "De første tre måneder af ansættelsen er prøvetid. Inden for prøvetiden kan ansættelsen fra "
         "begge sider opsiges med 14 dages varsel til fratræden en hvilken som helst dag."},
        {"Opsigelse",
         "Efter prøvetiden gælder opsigelsesvarslerne i funktionærloven. Arbejdsmarkedsuddannelses"
         "centrenes og statens overenskomstforhandlingsresultater kan ændre vilkårene, og du vil i så "
         "fald blive orienteret skriftligt."},
        {"Ferie", "Du har ret til ferie efter ferieloven og ferieaftalen for statens område, herunder fem "
                  "særlige feriedage pr. ferieår, når du har været ansat et helt ferieår."},
        {"Tavshedspligt",
         "Du har tavshedspligt efter forvaltningsloven og straffeloven om forhold, du får kendskab til "
         "i dit arbejde, og som efter lovgivningen er fortrolige. Tavshedspligten gælder også efter "
         "ansættelsens ophør."},
        {"Bibeskæftigelse",
         "Ønsker du at påtage dig lønnet bibeskæftigelse, skal du orientere din nærmeste leder, så "
         "det kan vurderes, om bibeskæftigelsen er forenelig med stillingen."},
        {"Sygdom", "Ved sygdom skal du melde dig syg til din nærmeste leder hurtigst muligt og senest ved "
                   "arbejdstidens begyndelse på første sygedag. Beskæftigelsesministeriets regler om "
                   "sygefraværssamtaler finder anvendelse."},
        {"Personaleoplysninger",
         "Oplysninger om dig registreres i styrelsens personaleadministrative systemer efter "
         "databeskyttelsesforordningen. Du kan altid få indsigt i de oplysninger, vi har om dig."},
    };
    for (const auto& clause : clauses) {
        letter.blocks.push_back({Kind::heading, clause[0], {}});
        letter.blocks.push_back({Kind::paragraph, clause[1], {}});
        letter.blocks.push_back({Kind::paragraph,
                                 "Har du spørgsmål til dette afsnit, er du velkommen til at kontakte "
                                 "HR-konsulent Bjørn Kærgaard på telefon 72 54 00 00.",
                                 {}});
    }
    letter.blocks.push_back({Kind::paragraph, "Vi glæder os til samarbejdet.", {}});
    letter.blocks.push_back({Kind::paragraph, "Med venlig hilsen\n\nMette Sørensen\nKontorchef", {}});
    return letter;
}

/// The number of pages in a PDF that cairo wrote: one "/Type /Page" object per page.
int count_pages(std::string_view pdf)
{
    int pages = 0;
    for (auto at = pdf.find("/Type /Page"); at != std::string_view::npos;
         at = pdf.find("/Type /Page", at + 1))
        if (at + 11 >= pdf.size() || pdf[at + 11] != 's')
            ++pages;
    return pages;
}

double milliseconds(std::chrono::steady_clock::duration duration)
{
    return std::chrono::duration<double, std::milli>(duration).count();
}

/// The CPU time this thread has used, in milliseconds: with other builds sharing the cores, the wall
/// clock also counts the time the thread waited for one.
double thread_cpu_ms()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    const int renders = argc > 1 ? std::atoi(argv[1]) : 200;
    if (renders <= 0) {
        std::fprintf(stderr, "usage: rekrut_pdf_bench [N]\n");
        return 2;
    }
    const PdfDocument letter = employment_letter();

    auto start = std::chrono::steady_clock::now();
    auto first = rekrut::integrations::render_pdf(letter);
    const double first_ms = milliseconds(std::chrono::steady_clock::now() - start);
    if (!first) {
        std::fprintf(stderr, "render_pdf failed: %s\n", first.error().message.c_str());
        return 1;
    }
    const int pages = count_pages(*first);

    std::vector<double> times;
    times.reserve(static_cast<std::size_t>(renders));
    const double cpu_start = thread_cpu_ms();
    for (int i = 0; i < renders; ++i) {
        start = std::chrono::steady_clock::now();
        auto pdf = rekrut::integrations::render_pdf(letter);
        times.push_back(milliseconds(std::chrono::steady_clock::now() - start));
        if (!pdf) {
            std::fprintf(stderr, "render_pdf failed: %s\n", pdf.error().message.c_str());
            return 1;
        }
    }
    const double cpu_mean = (thread_cpu_ms() - cpu_start) / renders;
    std::sort(times.begin(), times.end());
    const double mean = std::accumulate(times.begin(), times.end(), 0.0) / static_cast<double>(times.size());
    auto percentile = [&times](double p) {
        auto index = static_cast<std::size_t>(p * static_cast<double>(times.size() - 1) + 0.5);
        return times[std::min(index, times.size() - 1)];
    };
    std::printf("letter: %d pages, %zu bytes; first render %.1f ms (fonts loaded)\n", pages, first->size(),
                first_ms);
    std::printf(
        "%d renders: mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms (wall clock); CPU %.2f ms each\n",
        renders, mean, percentile(0.50), percentile(0.99), times.back(), cpu_mean);
    std::printf("RESULT pdf %d %d %.3f %.3f %.3f %.3f\n", renders, pages, mean, percentile(0.50),
                percentile(0.99), cpu_mean);
    return pages == 2 ? 0 : 3; // the letter is meant to fill two pages; anything else measures something else
}
