#include <gtest/gtest.h>

#include "web/router.hpp"

namespace rekrut::web {
namespace {

Router sample_router()
{
    Router router;
    auto ok = [](Request&) { return Response::text("ok"); };
    router.add("GET", "/", Guard::public_access, Execution::worker_pool, ok);
    router.add("GET", "/cases/:case_id", Guard::signed_in, Execution::worker_pool, ok);
    router.add("POST", "/cases/:case_id", Guard::signed_in, Execution::worker_pool, ok);
    router.add("GET", "/static/*", Guard::public_access, Execution::event_loop, ok);
    return router;
}

Request request_for(std::string method, std::string path)
{
    Request request;
    request.method = std::move(method);
    request.path = std::move(path);
    return request;
}

TEST(Router, matches_parameters_and_prefixes)
{
    auto router = sample_router();
    auto request = request_for("GET", "/cases/42");
    ASSERT_EQ(router.match(request), Router::Outcome::matched);
    EXPECT_EQ(request.param("case_id"), "42");
    EXPECT_EQ(request.route->pattern, "/cases/:case_id");

    auto asset = request_for("GET", "/static/dkfds/css/dkfds.min.css");
    ASSERT_EQ(router.match(asset), Router::Outcome::matched);
    EXPECT_EQ(asset.param("*"), "dkfds/css/dkfds.min.css");
}

TEST(Router, distinguishes_unknown_paths_from_wrong_methods)
{
    auto router = sample_router();
    auto unknown = request_for("GET", "/nowhere");
    EXPECT_EQ(router.match(unknown), Router::Outcome::not_found);
    auto wrong = request_for("DELETE", "/cases/1");
    EXPECT_EQ(router.match(wrong), Router::Outcome::method_not_allowed);
    auto head = request_for("HEAD", "/");
    EXPECT_EQ(router.match(head), Router::Outcome::matched) << "HEAD is served by the GET route";
}

} // namespace
} // namespace rekrut::web
