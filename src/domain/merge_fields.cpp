#include "domain/merge_fields.hpp"

namespace rekrut::domain {

std::vector<TextPiece> split_fields(std::string_view text)
{
    std::vector<TextPiece> pieces;
    std::size_t copied = 0;
    for (std::size_t open = text.find("{{"); open != std::string_view::npos; open = text.find("{{", open)) {
        std::size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos)
            break;
        if (open > copied)
            pieces.push_back({text.substr(copied, open - copied), false});
        pieces.push_back({text.substr(open + 2, close - open - 2), true});
        copied = close + 2;
        open = copied;
    }
    if (copied < text.size())
        pieces.push_back({text.substr(copied), false});
    return pieces;
}

std::optional<std::string> first_unknown_field(std::string_view text,
                                               const std::function<bool(std::string_view)>& known)
{
    for (const auto& piece : split_fields(text)) {
        if (piece.is_field && !known(piece.text))
            return std::string(piece.text);
        if (!piece.is_field && piece.text.find("{{") != std::string_view::npos)
            return std::string("{{");
    }
    return std::nullopt;
}

} // namespace rekrut::domain
